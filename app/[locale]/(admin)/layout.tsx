import { setRequestLocale } from 'next-intl/server';
import { adminPageActor } from '@/lib/server/users/page-guard';
import AppLayout from '../(app)/layout';

/**
 * The admin screens share the signed-in shell but sit outside (app)/loading.tsx on purpose: the
 * role check runs here, before anything is streamed, so a refused person gets a real HTTP 404
 * and the server-rendered not-found page (also without JavaScript), not a skeleton then a 404 body.
 */
export default async function AdminLayout(props: LayoutProps<'/[locale]'>) {
  const { locale } = await props.params;
  setRequestLocale(locale);
  await adminPageActor();
  return <AppLayout {...props} />;
}
