import { useState, type FormEvent, type InputHTMLAttributes } from 'react';
import { isApiError } from '../api/client';
import { LanguageSelect } from '../i18n/language-select';
import { useT } from '../i18n/use-t';
import { useSession } from '../session/session';

/** Sign-in: workspace slug, e-mail, password → POST /api/v1/auth/login (sets the httpOnly session cookie). Loaded eagerly. */
export default function SignInPage() {
  const t = useT();
  const { signIn } = useSession();
  const [workspace, setWorkspace] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn({ workspace: workspace.trim().toLowerCase(), email: email.trim(), password });
    } catch (err) {
      // 401 invalid_credentials, and a 400 for a slug or e-mail the server cannot even look up: both mean "not right".
      if (isApiError(err, 'invalid_credentials') || isApiError(err, 'validation_failed')) setError(t('signIn.invalidCredentials'));
      else setError(t('signIn.failed', { message: err instanceof Error ? err.message : String(err) }));
      setBusy(false);
    }
  }

  return (
    <>
      <header className="sign-in-header">
        <span className="brand">{t('app.name')}</span>
        <LanguageSelect />
      </header>
      <main id="main" className="sign-in">
        <h1>{t('signIn.title')}</h1>
        <form onSubmit={(e) => void submit(e)}>
          <Field
            id="workspace"
            label={t('signIn.workspace')}
            hint={t('signIn.workspaceHint')}
            autoComplete="organization"
            autoCapitalize="none"
            spellCheck={false}
            value={workspace}
            onChange={setWorkspace}
          />
          <Field id="email" label={t('signIn.email')} type="email" autoComplete="username" value={email} onChange={setEmail} />
          <Field
            id="password"
            label={t('signIn.password')}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
          />
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" disabled={busy}>
            {busy ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </form>
      </main>
    </>
  );
}

type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> & {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange(value: string): void;
};

/** A required, labelled text input; its hint is tied to it with aria-describedby. */
function Field({ id, label, hint, onChange, ...input }: FieldProps) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={id}
        required
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.value)}
        {...input}
      />
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
    </>
  );
}
