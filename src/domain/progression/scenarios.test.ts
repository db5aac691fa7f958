import { describe, expect, it } from 'vitest';
import { assessProgression } from './engine';
import { neverResponds } from './scenarios/never-responds';
import { ongoingCareOnPurpose } from './scenarios/ongoing-care';
import type { Scenario } from './scenarios/scenario';
import { seedJourney } from './scenarios/seed-journey';
import type { ProgressionCheckpoint, ProgressionFlare, ProgressionReport, ProgressionSession } from './types';

function replay(scenario: Scenario): { label: string; run: () => void }[] {
  const sessions: ProgressionSession[] = [];
  const reports: ProgressionReport[] = [];
  let flares: ProgressionFlare[] = [];
  const checkpoints: ProgressionCheckpoint[] = [];
  let recordedPhase = scenario.plan.recordedPhase;
  let ongoingCare = scenario.plan.ongoingCare;
  return scenario.steps.map((step) => {
    sessions.push(...(step.sessions ?? []));
    reports.push(...(step.reports ?? []));
    for (const f of step.flares ?? []) flares = [...flares.filter((x) => x.id !== f.id), f];
    checkpoints.push(...(step.checkpoints ?? []));
    recordedPhase = step.recordedPhase ?? recordedPhase;
    const phaseAtStep = recordedPhase;
    ongoingCare = step.ongoingCare === undefined ? ongoingCare : step.ongoingCare;
    const ongoingAtStep = ongoingCare;
    const input = { asOf: new Date(step.asOf), plan: { ...scenario.plan, recordedPhase: phaseAtStep, ongoingCare: ongoingAtStep }, sessions: [...sessions], reports: [...reports], flares: [...flares], checkpoints: [...checkpoints] };
    return {
      label: step.label,
      run: (): void => {
        const r = assessProgression(input);
        const e = step.expect;
        expect(r.settingsVersion).toBe('progression settings v1');
        expect(r.suggestedPhase).toBe(e.suggestedPhase);
        expect(r.statements.map((s) => s.code)).toEqual(e.statements);
        if (e.flares) expect(r.flares.map((f) => f.classification)).toEqual(e.flares);
        if (e.plateau) expect(r.plateau.reasons[0]?.code).toBe(e.plateau);
        if (e.checkpointDue !== undefined) expect(r.checkpoint.due).toBe(e.checkpointDue);
        if (e.nextCheckpoint) expect(r.checkpoint.nextDueDate).toBe(e.nextCheckpoint);
        if (e.dataSupport) expect(r.checkpoint.options.filter((o) => o.dataSupport).map((o) => o.decision)).toEqual(e.dataSupport);
        if (e.latestReliefDays !== undefined) expect([...r.relief].reverse().find((p) => p.reliefWindowDays !== null)?.reliefWindowDays ?? null).toBe(e.latestReliefDays);
        if (e.latestPassivePercent !== undefined) expect(r.mix[r.mix.length - 1]?.passivePercent).toBe(e.latestPassivePercent);
        // Never decides: the recorded phase is passed through untouched, all four options are always listed.
        expect(r.recordedPhase).toBe(phaseAtStep);
        expect(r.checkpoint.options.map((o) => o.decision)).toEqual(['adjust', 'refer', 'graduate', 'ongoing-care']);
        expect(r.checkpoint.options.find((o) => o.decision === 'ongoing-care')?.dataSupport).toBe(false);
        for (const s of r.statements) expect(s.message.length).toBeGreaterThan(10);
      },
    };
  });
}

describe.each([seedJourney, neverResponds, ongoingCareOnPurpose])('$name', (scenario) => {
  it.each(replay(scenario))('$label', ({ run }) => run());
});
