/**
 * The treatment agreement Painpath ships. Written as a conversation, not a contract of rules and penalties.
 *
 * Sources for what it says and why:
 * - PRODUCT.md capability 7 and issue 3: own functional goals, commitments on both sides, monitoring and why,
 *   what happens if something unexpected occurs (a conversation first, never abrupt discontinuation), a review.
 * - CDC 2022 guideline (clinical-facts §1.7, §2.1): PDMP ideally before every opioid prescription and at least
 *   every 3 months [V]; toxicology (urine tests) before starting and at least once a year [S final]; offer
 *   treatment for opioid use disorder (Rec 12) [V]; do not stop abruptly, taper gradually, do not dismiss
 *   patients for PDMP or test results [V].
 * - Seed article 001 (how agreements help or harm): agreements that feel coercive or presume mistrust harm
 *   trust; agreements that explain goals, safety and a path forward support care.
 * - Plain language: the reading grade (Flesch-Kincaid) must be at most 6 (AGREEMENT_SETTINGS); a test checks it.
 *
 * Format: `# ` title, `## ` section heading, `- ` list item, other lines are paragraphs. Placeholders are
 * `{{name}}` (see template.ts).
 */
export const DEFAULT_TEMPLATE_NAME = 'Our agreement about your pain care';

export const DEFAULT_TEMPLATE_BODY = `# Our agreement about your pain care

This is an agreement between {{patientName}} and the care team at {{clinicName}}. It is not a test of trust. It helps us work as a team and keep you safe. You can ask us about any part of it. You do not have to sign today.

## Your goals

You told us what you want to do more of. We will check how these go at each visit.

{{goals}}

## What we will do

- We will listen to you and take your pain seriously.
- We will use more than one kind of care, not just pills.
- We will talk with you before we change your medicine.
- We will never stop your pain medicine all at once.

## What you will do

- Get your pain medicine from one prescriber: {{prescriberName}}.
- Fill it at one pharmacy: {{pharmacy}}.
- Take it the way we planned. If it does not help, tell us. We can change the plan together.
- Keep it in a safe place, like a locked box. Keep it away from children and pets. Do not share it.
- Tell us about all the other medicines you take, from any doctor.

## How refills work

- Ask for a refill at least three work days before you run out.
- If your medicine is lost or stolen, call us. We will talk about what to do next.
- If you run out early, call us. We will work it out together.

## Checks we do, and why

- Urine tests. A urine test shows which medicines and drugs are in your body. It can find a mix that could harm you. We do it for everyone who takes this kind of medicine, at least once a year.
- Drug record checks (PDMP). Your state keeps a record of the pain medicines each person fills. We look at it before a new prescription, and at least every three months. It helps us spot a risky mix from more than one doctor.
- These checks are for your safety. They are not a way to catch you out.

## If something unexpected happens

An early refill, a lost prescription, or a test result we did not expect can happen. If it does:

- We will talk with you first. We want to hear what happened.
- We may see you more often for a while.
- We may offer more help, like time with our pharmacist or a counselor.
- If there are signs of a problem with opioid use, we will offer treatment. It works, and we can help you start it.
- If the medicine is not safe or not helping, we may lower the dose slowly, with you. We will not stop it all at once.
- We will not end your care because of one event.

## When we will look at this again

We will go over this agreement together on {{reviewDate}}. You or we can ask to talk about it sooner. If we change it, we will go over the new version with you, and we will both sign again.

## Signing

When you sign, you say that you have read this and had the chance to ask questions.
`;
