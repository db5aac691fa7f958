/** The plan as it stands: goals (specific, measurable, dated), interventions with owners, waits and bridge plans. */
import type { ReactElement } from 'react';
import type { CarePlanView, ProgressionResult } from '../../care-plan-types';
import { DOMAIN_WORDS } from '../../care-plan-types';
import { formatDate, roleLabel } from '../../format';

export function PlanGoals({ view, progression }: { view: CarePlanView; progression: ProgressionResult }): ReactElement | null {
  const plan = view.plan;
  if (plan === null) return null;
  return (
    <section className="card" aria-labelledby="goals-title">
      <h2 id="goals-title">Goals</h2>
      <ul className="plain-list goal-list">
        {plan.goals.map((g) => {
          const p = progression.checkpoint.goals.find((x) => x.goalId === g.id);
          return (
            <li key={g.id} className="goal">
              <p className="goal-statement">{g.statement}</p>
              <p className="muted">
                {g.activity}: from {g.baselineScore}/10 to {g.targetScore}/10 by {formatDate(g.targetDate)}
                {p?.latestScore !== null && p?.latestScore !== undefined && <> · latest {p.latestScore}/10</>}
                {p?.percentOfWayToTarget !== null && p?.percentOfWayToTarget !== undefined && <> · {Math.round(p.percentOfWayToTarget)}% of the way</>}
                {g.status !== 'active' && <> · {g.status}</>}
              </p>
            </li>
          );
        })}
      </ul>
      {plan.graduationCriteria.length > 0 && (
        <>
          <h3>Graduation looks like</h3>
          <ul>
            {plan.graduationCriteria.map((c) => (
              <li key={c.id}>{c.statement}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function PlanInterventions({ view }: { view: CarePlanView }): ReactElement | null {
  const plan = view.plan;
  if (plan === null) return null;
  const names = new Map(view.careTeam.map((m) => [m.id, m.displayName]));
  const owner = (id: string | null, role: string | null): string => (id !== null ? names.get(id) ?? 'Someone no longer on the team' : role !== null ? roleLabel(role) : 'No owner');
  return (
    <section className="card" aria-labelledby="interventions-title">
      <h2 id="interventions-title">Interventions</h2>
      <ul className="plain-list intervention-list">
        {plan.interventions.map((iv) => (
          <li key={iv.id} className="intervention">
            <p>
              <span className="tag">{DOMAIN_WORDS[iv.domain] ?? iv.domain}</span> <strong>{iv.description}</strong>
            </p>
            <p className="muted">
              Owner: {owner(iv.ownerUserId, iv.ownerRole)} · {iv.status}
              {iv.expectedWaitDays !== null && <> · expected wait {iv.expectedWaitDays} days</>}
              {iv.expectedStartDate !== null && <> · starts about {formatDate(iv.expectedStartDate)}</>}
            </p>
            {iv.bridgePlan !== null && (
              <p className="bridge">
                <strong>Bridge plan until then:</strong> {iv.bridgePlan.text}
                {iv.bridgePlan.ownerUserId !== null && <> (checked by {names.get(iv.bridgePlan.ownerUserId) ?? 'the care team'})</>}
              </p>
            )}
          </li>
        ))}
      </ul>
      <p className="muted">
        Checkpoints every {plan.checkpointSchedule.intervalDays} days from {formatDate(plan.checkpointSchedule.firstDate)}.
        {plan.ongoingCare !== null && <> Ongoing care chosen on purpose: {plan.ongoingCare.reason} Review {formatDate(plan.ongoingCare.reviewDate)}.</>}
      </p>
    </section>
  );
}
