import { useEffect, useRef, useState } from 'react';
import { i18n } from '#i18n';
import { Button } from './button';
import './code-block.css';

type CopyState = 'idle' | 'copied' | 'failed';

/** Code with its language and a "Copy code" button that says whether the copy worked. */
export function CodeBlock({ language, source }: { language: string | null; source: string }) {
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(source);
      setState('copied');
    } catch {
      setState('failed');
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), 2000);
  };
  return (
    <figure className="code-block">
      <div className="code-block__bar">
        <figcaption className="code-block__language">{language || i18n.t('viewer.code')}</figcaption>
        <Button size="sm" variant="ghost" onClick={copy}>
          {i18n.t('viewer.copyCode')}
        </Button>
        <span className="code-block__status" role="status">
          {state === 'copied' ? i18n.t('viewer.copied') : state === 'failed' ? i18n.t('viewer.copyFailed') : ''}
        </span>
      </div>
      <pre className="lb-code code-block__code">
        <code>{source}</code>
      </pre>
    </figure>
  );
}
