import { i18n } from '#i18n';

/** The browser tab's title, "<name> · Lifeboat"; render exactly one per view (React 19 puts it in <head>). */
export function DocumentTitle({ name }: { name: string }) {
  return <title>{`${name} · ${i18n.t('brand.name')}`}</title>;
}
