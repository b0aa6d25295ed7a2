import { pageActor } from '@/lib/server/current-actor';
import { fundingCharts } from '@/lib/server/funding-charts';
import { FundingDashboard } from './funding-dashboard';

/**
 * A programme's funding by donor, over time and its milestone timeline (and its funding gap
 * when its budget is known). Loads its own data through the DAL so the programme page only adds
 * one line, and in the viewer's scope: outside it the DAL answers NotFound like the page does.
 */
export async function ProgrammeCharts({ programmeId, code, currency, locale }: { programmeId: number; code: string; currency: string; locale: string }) {
  const charts = fundingCharts(await pageActor(), currency, programmeId);
  return <FundingDashboard charts={charts} locale={locale} programme={{ code }} />;
}
