import type { Db } from '../open';
import { milestones, organisations, pledges, programmeParticipants, programmes } from '../schema';
import { recordSeedAudit } from './audit';

// The first real record, exactly as ../shared/source/FACTS.md states it. Nothing here may be
// embellished: no budget, no Danish amount, no dates or counts the press release does not give.

export const SOURCE_CITATION =
  'UNODC press release (Arabic), Iraq, 11 April 2018: «مكتب الأمم المتحدة المعني بالمخدرات والجريمة يطلق برنامجًا جديدًا في العراق لمكافحة الإرهاب»';

export const SOURCE_PROGRAMME_CODE = 'IRQ-CT-2018';

export function seedSourceRecord(db: Db) {
  const org = (row: typeof organisations.$inferInsert) => {
    const [inserted] = db.insert(organisations).values({ ...row, source: SOURCE_CITATION }).returning().all();
    recordSeedAudit(db, 'organisation', inserted.id, inserted);
    return inserted;
  };
  const japan = org({ nameEn: 'Japan', nameAr: 'اليابان', kind: 'government', country: 'JP' });
  const denmark = org({ nameEn: 'Denmark', nameAr: 'الدنمارك', kind: 'government', country: 'DK' });
  const unodc = org({
    nameEn: 'United Nations Office on Drugs and Crime (UNODC)',
    nameAr: 'مكتب الأمم المتحدة المعني بالمخدرات والجريمة',
    kind: 'un_entity',
  });
  const iraq = org({ nameEn: 'Government of Iraq', nameAr: 'حكومة العراق', kind: 'government', country: 'IQ' });
  const unami = org({
    nameEn: 'United Nations Assistance Mission for Iraq (UNAMI)',
    nameAr: 'بعثة الأمم المتحدة لمساعدة العراق',
    kind: 'un_entity',
    country: 'IQ',
  });

  const [programme] = db
    .insert(programmes)
    .values({
      code: SOURCE_PROGRAMME_CODE,
      titleEn: "Lessons learned from counter-terrorism efforts in Iraq and responding to future challenges: Iraq post-Da'esh",
      titleAr: 'الدروس المستفادة من جهود مكافحة الإرهاب في العراق والاستجابة للتحديات المستقبلية: العراق ما بعد داعش',
      summaryEn:
        'A two-year programme of the UNODC Terrorism Prevention Branch, launched in Baghdad on 10 April 2018 under the patronage of the Prime Minister of Iraq, to share lessons learned from confronting Da\'esh and respond to future challenges.',
      summaryAr:
        'برنامج لمدة عامين أطلقه فرع منع الإرهاب التابع لمكتب الأمم المتحدة المعني بالمخدرات والجريمة في بغداد في 10 أبريل 2018 تحت رعاية رئيس مجلس وزراء العراق، لتبادل الدروس المستفادة من مواجهة تنظيم داعش والاستجابة للتحديات المستقبلية.',
      implementerId: unodc.id,
      implementerUnitEn: 'Terrorism Prevention Branch',
      implementerUnitAr: 'فرع منع الإرهاب',
      recipientCountry: 'IQ',
      status: 2, // IATI ActivityStatus 2 = Implementation, as of the launch
      plannedStart: '2018',
      plannedEnd: '2019',
      actualStart: '2018-04-10', // "yesterday" in a release datelined 11 April 2018
      budgetMinor: null, // the source gives no budget
      budgetCurrency: null,
      source: SOURCE_CITATION,
    })
    .returning()
    .all();
  recordSeedAudit(db, 'programme', programme.id, programme);

  const participant = (organisationId: number, role: number | null, noteEn?: string, noteAr?: string) => {
    const [row] = db
      .insert(programmeParticipants)
      .values({ programmeId: programme.id, organisationId, role, noteEn, noteAr, source: SOURCE_CITATION })
      .returning()
      .all();
    recordSeedAudit(db, 'participant', row.id, row);
  };
  participant(japan.id, 1);
  participant(denmark.id, 1);
  participant(unodc.id, 2);
  participant(unodc.id, 4, 'Terrorism Prevention Branch', 'فرع منع الإرهاب');
  participant(iraq.id, null, 'Partner (recipient government)', 'شريك (الحكومة المستفيدة)');
  participant(unami.id, null, 'Partner', 'شريك');

  const pledge = (row: Omit<typeof pledges.$inferInsert, 'programmeId' | 'source'>) => {
    const [inserted] = db
      .insert(pledges)
      .values({ ...row, programmeId: programme.id, source: SOURCE_CITATION })
      .returning()
      .all();
    recordSeedAudit(db, 'pledge', inserted.id, inserted);
  };
  pledge({
    donorId: japan.id,
    announcedOn: '2018-04-10',
    periodStart: '2018',
    periodEnd: '2019',
    amountMinor: 200_000_000, // USD 2,000,000.00 in cents
    currency: 'USD',
    amountStatus: 'confirmed',
    stage: 'pledged',
    notes: 'Stated at the launch by Endo Akira, Deputy Head of Mission of Japan to Iraq: USD 2 million for 2018-2019.',
  });
  pledge({
    donorId: denmark.id,
    announcedOn: null, // welcomed at the launch; the pledge date is not given
    amountMinor: null,
    currency: null,
    amountStatus: 'undisclosed',
    stage: 'pledged',
    notes: 'Contribution welcomed at the launch by Cristina Albertin (UNODC); the amount is not disclosed.',
  });

  const milestone = (row: Omit<typeof milestones.$inferInsert, 'programmeId' | 'source'>) => {
    const [inserted] = db
      .insert(milestones)
      .values({ ...row, programmeId: programme.id, source: SOURCE_CITATION })
      .returning()
      .all();
    recordSeedAudit(db, 'milestone', inserted.id, inserted);
  };
  milestone({
    titleEn: 'Programme launched in Baghdad',
    titleAr: 'إطلاق البرنامج في بغداد',
    descriptionEn: "Launched at the Prime Minister's guest house under the patronage of Prime Minister Haider al-Abadi.",
    descriptionAr: 'أُطلق في بيت ضيافة رئيس الوزراء تحت رعاية رئيس مجلس الوزراء الدكتور حيدر العبادي.',
    dueOn: '2018-04-10',
    completedOn: '2018-04-10',
    status: 'achieved',
  });
  milestone({
    titleEn: 'Technical support for national strategies and the draft counter-terrorism law',
    titleAr: 'الدعم الفني لتطوير الاستراتيجيات الوطنية ووضع مشروع قانون مكافحة الإرهاب',
    completedBefore: '2018-04-10', // reported as done at the launch; no date given
    status: 'achieved',
  });
  milestone({
    titleEn: 'Capacity of hundreds of law-enforcement and criminal-justice officials built',
    titleAr: 'بناء قدرات مئات المختصين من مسؤولي إنفاذ القانون وموظفي العدالة الجنائية',
    completedBefore: '2018-04-10',
    status: 'achieved',
  });
  milestone({
    titleEn: 'New UNODC office opened in Baghdad',
    titleAr: 'فتح مكتب جديد لمكتب الأمم المتحدة المعني بالمخدرات والجريمة في بغداد',
    descriptionEn: 'Plans announced at the launch; no date given.',
    descriptionAr: 'أُعلن عن الخطط خلال الإطلاق؛ لم يُحدَّد موعد.',
    status: 'planned',
  });

  return { programme, japan, denmark, unodc, iraq, unami };
}
