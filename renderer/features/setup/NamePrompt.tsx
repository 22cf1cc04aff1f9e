import { useState } from 'react';
import { maxLengthOf } from '../../../shared/api/schemas/fields';
import { setUserNameInput, type AppInfoDto } from '../../../shared/api/schemas/cycle';
import { api } from '../../api/api';
import { Field } from '../../components/form/Field';
import { Form } from '../../components/form/Form';
import { SubmitButton } from '../../components/form/SubmitButton';
import { useSubmit } from '../../components/form/use-submit';
import { showNotice } from '../../components/notices';

const LABEL = 'Your name (recorded with every change you make)';
const FIELDS = ['userName'];

/** First start: the audit log needs a name before anything can be changed. */
export function NamePrompt({ onSaved }: { onSaved: (info: AppInfoDto) => void }) {
  const [name, setName] = useState('');
  const form = useSubmit(FIELDS);

  const save = async () => {
    if (name.trim() === '') {
      form.showErrors({ byField: { userName: 'Your name: enter the name your colleagues know you by.' }, general: [] });
      return;
    }
    const info = await form.submit(() => api('app:setUserName', { userName: name }));
    if (!info) return;
    showNotice(`Welcome, ${info.userName}. Your changes will be recorded under this name.`);
    onSaved(info);
  };

  return (
    <main className="welcome">
      <div className="welcome__card">
        <p className="welcome__eyebrow">Pamoja JWP · first start</p>
        <h1>Welcome to Pamoja JWP</h1>
        <p className="welcome__lead">
          Every change to a joint work plan is recorded with who made it, so the Secretariat can show partners and auditors how the plan came to be.
        </p>
        <Form label="Your name" errors={form.errors} busy={form.busy} onSubmit={() => void save()} onCancel={() => setName('')}>
          <Field label={LABEL} name="userName" hint="For example: Amina Galgalo, County Economist" error={form.errors.byField.userName}>
            {(control) => (
              <input
                {...control}
                type="text"
                autoComplete="name"
                maxLength={maxLengthOf(setUserNameInput.shape.userName)}
                autoFocus
                value={name}
                onChange={(event) => setName(event.target.value)}
              />
            )}
          </Field>
          <div className="form__actions">
            <SubmitButton busy={form.busy} label="Continue" busyLabel="Saving…" />
          </div>
        </Form>
      </div>
    </main>
  );
}
