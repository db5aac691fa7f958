/**
 * Add or change a medication order. The directions are typed as free text, read by the server's parser and
 * shown back in words for the clinician to confirm; when the parser is unsure it asks, and the order cannot
 * be saved until the directions read clearly. Changing an order sends If-Match; when a change cuts or stops
 * the opioid faster than the reference pace, the server asks for the life-threatening reason, shown here.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { DOSE_FORMS, INGREDIENT_TABLE } from '../../../domain/opioids';
import { apiPatch, apiPost, etagFor, fieldErrors } from '../../api';
import type { MedicationOrderView, ParsedDirectionsView } from '../../medications-types';
import { SelectField, TextArea, TextField } from '../form-field';
import { ErrorNotice } from '../status';

const INGREDIENTS = INGREDIENT_TABLE.filter((i) => i.code !== undefined).slice().sort((a, b) => a.name.localeCompare(b.name));
const FIELDS = ['ingredients', 'form', 'release', 'dosage', 'directionsText', 'daysSupply', 'prescriber', 'pharmacy', 'start', 'end', 'lifeThreateningReason'];

interface Props {
  patientId: string;
  order?: MedicationOrderView;
  onSaved: (message: string) => void;
  onCancel: () => void;
}

export function OrderForm({ patientId, order, onSaved, onCancel }: Props): ReactElement {
  const first = order?.ingredients[0];
  const [ingredient, setIngredient] = useState(first?.ingredient.code ?? '7804');
  const [strength, setStrength] = useState(first ? String(first.strength.amount) : '');
  const [strengthUnit, setStrengthUnit] = useState<string>(first?.strength.unit ?? 'mg');
  const [form, setForm] = useState(order?.form ?? 'tablet');
  const [release, setRelease] = useState(order?.release ?? 'immediate');
  const [text, setText] = useState(order?.directionsText ?? '');
  const [parsed, setParsed] = useState<ParsedDirectionsView | null>(null);
  const [confirmed, setConfirmed] = useState(order !== undefined);
  const [daysSupply, setDaysSupply] = useState(order?.daysSupply != null ? String(order.daysSupply) : '');
  const [prescriber, setPrescriber] = useState(order?.prescriber ?? '');
  const [pharmacy, setPharmacy] = useState(order?.pharmacy ?? '');
  const [start, setStart] = useState(order === undefined ? new Date().toISOString().slice(0, 10) : (order.start ?? ''));
  const [reason, setReason] = useState('');
  const [needsReason, setNeedsReason] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error, FIELDS);

  async function readDirections(): Promise<void> {
    setError(null);
    try {
      const result = await apiPost<ParsedDirectionsView>('/api/v1/medications/parse-directions', { text });
      setParsed(result);
      setConfirmed(false);
    } catch (err) {
      setError(err);
    }
  }

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const entry = INGREDIENTS.find((i) => i.code === ingredient);
    const dosage = parsed !== null && confirmed ? parsed.dosage : order?.dosage;
    const body: Record<string, unknown> = {
      ingredients: [{ code: ingredient, name: entry?.name ?? ingredient, strength: { amount: Number(strength), unit: strengthUnit } }],
      form,
      release,
      dosage,
      directionsText: text.trim() === '' ? null : text.trim(),
      daysSupply: daysSupply === '' ? null : Number(daysSupply),
      prescriber: prescriber.trim() === '' ? null : prescriber.trim(),
      pharmacy: pharmacy.trim() === '' ? null : pharmacy.trim(),
      start: start === '' ? null : start,
    };
    if (reason.trim() !== '') body.lifeThreateningReason = reason.trim();
    try {
      if (order === undefined) await apiPost(`/api/v1/patients/${patientId}/medications`, body);
      else await apiPatch(`/api/v1/patients/${patientId}/medications/${order.id}`, body, etagFor(order.version));
      onSaved(order === undefined ? 'The medication was added.' : 'The medication was changed.');
    } catch (err) {
      setError(err);
      if (fieldErrors(err, FIELDS).lifeThreateningReason !== undefined) setNeedsReason(true);
    } finally {
      setBusy(false);
    }
  }

  const canSave = confirmed && strength !== '' && !busy;
  return (
    <form className="card form" onSubmit={(e) => void submit(e)} aria-label={order === undefined ? 'Add a medication' : `Change ${order.name}`}>
      <h3>{order === undefined ? 'Add a medication' : `Change ${order.name}`}</h3>
      {error !== null && <ErrorNotice error={error} focus extra={errors[''] ?? []} />}
      <SelectField label="Medication (RxNorm ingredient)" name="ingredient" value={ingredient} onChange={setIngredient} options={INGREDIENTS.map((i) => ({ value: i.code ?? '', label: `${i.name} (${i.code ?? ''})` }))} errors={errors.ingredients} />
      <div className="form-grid">
        <TextField label="Strength" name="strength" value={strength} onChange={setStrength} inputMode="numeric" required hint="Per tablet, capsule, mL or patch" />
        <SelectField label="Strength unit" name="strengthUnit" value={strengthUnit} onChange={setStrengthUnit} options={['mg', 'mcg', 'mcg/hr', 'mg/hr'].map((u) => ({ value: u, label: u }))} />
      </div>
      <div className="form-grid">
        <SelectField label="Form" name="form" value={form} onChange={setForm} options={DOSE_FORMS.map((f) => ({ value: f, label: f }))} errors={errors.form} />
        <SelectField label="Release" name="release" value={release} onChange={setRelease} options={[{ value: 'immediate', label: 'Immediate release' }, { value: 'extended', label: 'Extended release' }]} />
      </div>
      <TextArea label="Directions as written" name="directions" value={text} onChange={(v) => { setText(v); setConfirmed(false); setParsed(null); }} rows={2} hint='For example "1 tab po q6h prn pain" or "apply 1 patch every 72 hours"' errors={errors.dosage ?? errors.directionsText} />
      <p>
        <button type="button" className="button button--secondary" onClick={() => void readDirections()} disabled={text.trim() === ''}>
          Read the directions
        </button>
      </p>
      {parsed !== null && (
        <div className={parsed.confirmable ? 'notice' : 'banner banner--warning'} aria-live="polite">
          <p>
            <strong>We read:</strong> {parsed.summary}
          </p>
          {parsed.questions.length > 0 && (
            <>
              <p>Before this can be used, please make the directions clearer:</p>
              <ul>
                {parsed.questions.map((q) => (
                  <li key={q}>{q}</li>
                ))}
              </ul>
            </>
          )}
          {parsed.unparsed.length > 0 && <p className="muted">Words not used: {parsed.unparsed.join(', ')}</p>}
          {parsed.confirmable && !confirmed && (
            <button type="button" className="button" onClick={() => setConfirmed(true)}>
              Yes, this is right
            </button>
          )}
          {confirmed && <p>Confirmed.</p>}
        </div>
      )}
      <div className="form-grid">
        <TextField label="Days supply" name="daysSupply" value={daysSupply} onChange={setDaysSupply} inputMode="numeric" errors={errors.daysSupply} />
        <TextField label="Start date" name="start" type="date" value={start} onChange={setStart} errors={errors.start} />
      </div>
      <div className="form-grid">
        <TextField label="Prescriber" name="prescriber" value={prescriber} onChange={setPrescriber} errors={errors.prescriber} />
        <TextField label="Pharmacy" name="pharmacy" value={pharmacy} onChange={setPharmacy} errors={errors.pharmacy} />
      </div>
      {needsReason && (
        <TextArea
          label="Life-threatening reason for this change"
          name="lifeThreateningReason"
          value={reason}
          onChange={setReason}
          rows={2}
          hint="This change lowers or stops the opioid faster than the reference pace. A slower change needs no reason; a faster one is recorded with the reason you give."
          errors={errors.lifeThreateningReason}
        />
      )}
      <div className="button-row">
        <button type="submit" className="button" disabled={!canSave}>
          {order === undefined ? 'Add medication' : 'Save changes'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {!confirmed && <p className="muted">Read and confirm the directions to save.</p>}
    </form>
  );
}

export function StopOrderForm({ patientId, order, onSaved, onCancel }: { patientId: string; order: MedicationOrderView; onSaved: (m: string) => void; onCancel: () => void }): ReactElement {
  const [why, setWhy] = useState('');
  const [inError, setInError] = useState(false);
  const [reason, setReason] = useState('');
  const [needsReason, setNeedsReason] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(error, ['reason', 'lifeThreateningReason', 'end']);

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    try {
      await apiPost(`/api/v1/patients/${patientId}/medications/${order.id}/stop`, { reason: why, enteredInError: inError, ...(reason.trim() !== '' ? { lifeThreateningReason: reason.trim() } : {}) }, { headers: { 'if-match': etagFor(order.version) } });
      onSaved(inError ? 'The order was marked as entered in error.' : 'The medication was stopped.');
    } catch (err) {
      setError(err);
      if (fieldErrors(err, ['lifeThreateningReason']).lifeThreateningReason !== undefined) setNeedsReason(true);
    }
  }

  return (
    <form className="card form" onSubmit={(e) => void submit(e)} aria-label={`Stop ${order.name}`}>
      <h3>Stop {order.name}</h3>
      <p className="muted">Stopping a long-term opioid suddenly can cause withdrawal and raises overdose risk. A taper plan lowers the dose slowly with the person.</p>
      {error !== null && <ErrorNotice error={error} focus />}
      <TextField label="Why is it stopping?" name="reason" value={why} onChange={setWhy} required errors={errors.reason} />
      <div className="checkbox">
        <input id={`in-error-${order.id}`} type="checkbox" checked={inError} onChange={(e) => setInError(e.target.checked)} />
        <label htmlFor={`in-error-${order.id}`}>This order was entered by mistake</label>
      </div>
      {needsReason && (
        <TextArea label="Life-threatening reason for stopping now" name="lifeThreateningReason" value={reason} onChange={setReason} rows={2} errors={errors.lifeThreateningReason} hint="Needed only when stopping faster than the reference pace; it is recorded." />
      )}
      <div className="button-row">
        <button type="submit" className="button">Stop medication</button>
        <button type="button" className="button button--secondary" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
