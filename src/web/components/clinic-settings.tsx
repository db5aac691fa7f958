/**
 * Admin → "Clinic settings" (clinic lead or administrator): the named, versioned settings a clinic may
 * change — the opioid factor set and the coverage settings. Each form shows the reference default.
 */
import type { ReactElement } from 'react';
import { CoverageSettingsForm } from './coverage-settings-form';
import { FactorSetForm } from './factor-set-form';

export function ClinicSettings(): ReactElement {
  return (
    <section className="card" aria-labelledby="clinic-settings-title">
      <h2 id="clinic-settings-title">Clinic settings</h2>
      <p>Figures no guideline settles are settings with a reference default. Every result names the setting that produced it, so a change here never changes what an earlier answer meant.</p>
      <FactorSetForm />
      <CoverageSettingsForm />
    </section>
  );
}
