/**
 * Daily MME per order and in total, with the factor set named and the rounding stated. Orders that could not
 * be converted are listed with the reason; buprenorphine and medication for OUD are listed, not summed.
 */
import type { ReactElement } from 'react';
import type { MmeLine, MmeResult } from '../../../domain/opioids';

const STATUS_WORDS: Record<MmeLine['status'], string> = {
  counted: 'Counted',
  'not-summed': 'Listed, not added to the total',
  'no-factor': 'No conversion factor',
  'not-computable': 'Daily amount could not be read',
};

export function MmePanel({ mme }: { mme: MmeResult }): ReactElement {
  const opioidLines = mme.lines;
  return (
    <section className="card" aria-labelledby="mme-title">
      <h2 id="mme-title">Daily morphine milligram equivalents (MME)</h2>
      <p className="mme-total">
        <strong>{mme.totalMmePerDay} MME/day</strong> in total{!mme.complete && ' — at least; some orders could not be converted (listed below)'}
      </p>
      <p className="muted">
        Factor set: {mme.factorSet.label}. {mme.rounding} As-needed orders count at their most per day, ranges at their top.
      </p>
      {opioidLines.length === 0 ? (
        <p>No opioid on the list.</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack">
            <caption className="visually-hidden">MME per order</caption>
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Daily dose</th>
                <th scope="col">Factor</th>
                <th scope="col">MME/day</th>
                <th scope="col">How it was counted</th>
              </tr>
            </thead>
            <tbody>
              {opioidLines.map((l) => (
                <tr key={`${l.orderId}-${l.ingredient.code}-${l.ingredient.name}`}>
                  <th scope="row">{l.orderName}</th>
                  <td data-label="Daily dose">{l.dailyDose === null ? '—' : `${l.dailyDose.amount} ${l.dailyDose.unit}`}</td>
                  <td data-label="Factor">{l.factor === null ? '—' : `${l.factor}${l.factorRow !== null ? ` (${l.factorRow})` : ''}`}</td>
                  <td data-label="MME/day">{l.mmePerDay === null ? '—' : l.mmePerDay}</td>
                  <td data-label="How it was counted">
                    {STATUS_WORDS[l.status]}
                    {l.reason !== null && <span className="muted">: {l.reason}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
