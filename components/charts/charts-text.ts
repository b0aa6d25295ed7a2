import 'server-only';
import { getTranslations } from 'next-intl/server';

/**
 * The "charts" translator with plain string keys, the shape the model builders in ./models take
 * (they pick keys such as a quarter's or a segment's name at run time).
 */
export async function chartsText(): Promise<(key: string, values?: Record<string, string | number>) => string> {
  const t = await getTranslations('charts');
  return (key, values) => t(key as 'received', values as never);
}
