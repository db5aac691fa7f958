/**
 * /agreement-templates: the clinic lead keeps the treatment agreement templates. The reading grade
 * (Flesch-Kincaid, the same calculation the server runs on save) is shown live while editing and announced
 * politely to screen readers. Others with admin access can read the templates.
 */
import { useDeferredValue, useState, type FormEvent, type ReactElement } from 'react';
import { agreementReadingGrade } from '../../domain/agreements/grade';
import { apiPatch, apiPost, etagFor, fieldErrors } from '../api';
import type { AgreementTemplate, TemplateList } from '../agreements-types';
import { ReadingGrade } from '../components/agreement-text';
import { Checkbox, TextField } from '../components/form-field';
import { ErrorNotice, Loading, StatusMessage } from '../components/status';
import { formatDateTime } from '../format';
import { useApiData, usePageTitle } from '../hooks';
import { useUser } from '../session';
import { CheckedTextArea } from '../components/language-checked-text-area';

function TemplateEditor({ template, placeholders, onSaved, onCancel }: {
  template: AgreementTemplate | null;
  placeholders: TemplateList['placeholders'];
  onSaved: (t: AgreementTemplate) => void;
  onCancel: () => void;
}): ReactElement {
  const [name, setName] = useState(template?.name ?? '');
  const [body, setBody] = useState(template?.body ?? '');
  const [isDefault, setIsDefault] = useState(template?.isDefault ?? false);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const deferred = useDeferredValue(body);
  const grade = agreementReadingGrade(deferred);
  const errors = fieldErrors(error, ['name', 'body']);

  async function save(e: FormEvent): Promise<void> {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const saved =
        template === null
          ? await apiPost<AgreementTemplate>('/api/v1/agreement-templates', { name, body, isDefault })
          : (await apiPatch<AgreementTemplate>(`/api/v1/agreement-templates/${template.id}`, { name, body, isDefault }, etagFor(template.version))).data;
      onSaved(saved);
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="card" onSubmit={(e) => void save(e)} aria-labelledby="editor-title" noValidate>
      <h2 id="editor-title">{template === null ? 'New template' : `Edit: ${template.name}`}</h2>
      {error !== null && <ErrorNotice error={error} title="The template was not saved." />}
      <TextField label="Name" name="name" value={name} onChange={setName} errors={errors.name} required maxLength={200} />
      <CheckedTextArea
        label="Agreement text"
        name="body"
        value={body}
        onChange={setBody}
        rows={22}
        errors={errors.body}
        required
        hint={
          <>
            One line each: <code># Title</code>, <code>## Section</code>, <code>- List item</code>, or a paragraph. Placeholders:{' '}
            {placeholders.map((p, i) => (
              <span key={p.name}>
                {i > 0 && ', '}
                <code>{`{{${p.name}}}`}</code> ({p.label.toLowerCase()}
                {p.required ? ', required' : ''})
              </span>
            ))}
            .
          </>
        }
      />
      <ReadingGrade grade={grade.grade} max={grade.maxGrade} live />
      <Checkbox label="Start new agreements from this template" name="isDefault" checked={isDefault} onChange={setIsDefault} />
      <p className="muted">Agreements already made keep their own text. A change here is used for new agreements only.</p>
      <div className="button-row">
        <button type="submit" className="button" disabled={saving}>
          {saving ? 'Saving…' : 'Save template'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function AgreementTemplatesPage(): ReactElement {
  usePageTitle('Agreement templates');
  const user = useUser();
  const canEdit = user.role === 'clinic_lead';
  const { state, reload } = useApiData<TemplateList>('/api/v1/agreement-templates');
  const [editing, setEditing] = useState<AgreementTemplate | 'new' | null>(null);
  const [saved, setSaved] = useState('');

  return (
    <>
      <h1>Treatment agreement templates</h1>
      <p className="lead">
        Write agreements as a conversation in plain words. Aim for a reading grade of 6 or lower. Every agreement names the
        person&apos;s own goals and a date to look at it again together.
      </p>
      <StatusMessage>{saved}</StatusMessage>
      {state.status === 'loading' && <Loading label="Loading templates…" />}
      {state.status === 'error' && <ErrorNotice error={state.error} title="We could not load the templates." />}
      {state.status === 'ready' && editing !== null && (
        <TemplateEditor
          key={editing === 'new' ? 'new' : editing.id}
          template={editing === 'new' ? null : editing}
          placeholders={state.data.placeholders}
          onCancel={() => setEditing(null)}
          onSaved={(t) => {
            setEditing(null);
            setSaved(`Saved "${t.name}". Reading grade ${t.readingGrade ?? '–'}.`);
            reload();
          }}
        />
      )}
      {state.status === 'ready' && editing === null && (
        <>
          {canEdit && (
            <p>
              <button type="button" className="button" onClick={() => { setEditing('new'); setSaved(''); }}>
                New template
              </button>
            </p>
          )}
          <ul className="plain-list">
            {state.data.items.map((t) => (
              <li key={t.id} className="card">
                <h2>
                  {t.name} {t.isDefault && <span className="tag">Default</span>}
                </h2>
                <ReadingGrade grade={t.readingGrade} max={t.maxReadingGrade} />
                {t.issues.length > 0 && (
                  <ul>
                    {t.issues.map((i) => (
                      <li key={i.code + i.message}>{i.message}</li>
                    ))}
                  </ul>
                )}
                <p className="muted">
                  Last changed by {t.updatedBy}, {formatDateTime(t.updatedAt)}.
                </p>
                {canEdit ? (
                  <button type="button" className="button button--secondary" onClick={() => { setEditing(t); setSaved(''); }}>
                    Edit<span className="visually-hidden"> {t.name}</span>
                  </button>
                ) : (
                  <p className="muted">Only the clinic lead can change templates.</p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
