/** Demo patients cared for by the Rural outreach team (fictional people; see demo-patient-spec.ts). */
import type { DemoPatientSpec } from './demo-patient-spec';

export const RURAL_TEAM_PATIENTS: readonly DemoPatientSpec[] = [
  {
    mrn: 'RB-100002', givenName: 'Robert', familyName: 'Jensen', preferredName: 'Bob', ageYears: 71,
    daysSinceBirthday: 270, sex: 'male', race: 'white', ethnicity: 'not-hispanic-or-latino', language: 'en',
    interpreterNeeded: false, phoneSuffix: 2, addressLine: '5120 Mill Creek Road', town: 'alderFlats',
    payer: 'Medicare', team: 'rural',
    summary:
      'Osteoarthritis in both knees, worse on the right, for about ten years. ' +
      'He wants to walk down his lane to the mailbox and stand long enough to fish from the dock. ' +
      'He is on the waitlist for physical therapy in town, a 50-minute drive away; telehealth visits work well for him.',
  },
  {
    mrn: 'RB-100005', givenName: 'Harold', familyName: 'Begay', ageYears: 66, daysSinceBirthday: 19,
    sex: 'male', race: 'american-indian-or-alaska-native', ethnicity: 'not-hispanic-or-latino', language: 'en',
    interpreterNeeded: false, phoneSuffix: 5, addressLine: 'PO Box 214, 3 Sage Flat Road', town: 'juniperRidge',
    payer: 'Medicare', team: 'rural',
    summary:
      'Painful diabetic neuropathy in both feet for six years, with burning pain that is worse at night. ' +
      'He checks his feet daily with his wife and takes duloxetine with some benefit. ' +
      'He wants to walk the community garden and sleep through the night. He lives two hours from the clinic, so visits alternate between telehealth and outreach days.',
  },
  {
    mrn: 'RB-100011', givenName: 'Raymond', familyName: 'Cruz', ageYears: 44, daysSinceBirthday: 110,
    sex: 'male', pronouns: 'he/him', race: 'multiple', ethnicity: 'hispanic-or-latino', language: 'en',
    interpreterNeeded: false, phoneSuffix: 11, addressLine: '77 Quarry Lane', town: 'cedarHollow', payer: 'VA',
    team: 'rural',
    summary:
      'Army veteran with low back pain and right knee pain since a vehicle rollover during deployment. ' +
      'He also receives care for PTSD at the VA, and the two teams share plans with his consent. ' +
      'Better sleep matters most to him, along with hiking with his kids. His care here is covered through VA Community Care.',
  },
  {
    mrn: 'RB-100017', givenName: 'Evelyn', familyName: 'Harper', ageYears: 88, daysSinceBirthday: 215,
    sex: 'female', race: 'white', ethnicity: 'not-hispanic-or-latino', language: 'en', interpreterNeeded: false,
    phoneSuffix: 17, addressLine: '2 Church Hill Road', town: 'kestrelPoint', payer: 'Medicare', team: 'rural',
    summary:
      'Mid-back pain after two osteoporotic vertebral compression fractures last year, along with knee osteoarthritis. ' +
      'Her daughter Ruth is her support person and, with Evelyn\'s consent, helps with check-ins and appointments. ' +
      'She wants to tend her raised garden beds and get to church on Sundays; she uses a walker outdoors.',
  },
  {
    mrn: 'RB-100019', givenName: 'Tyler', familyName: 'Whitfield', ageYears: 36, daysSinceBirthday: 340,
    sex: 'male', race: 'white', ethnicity: 'unknown', language: 'en', interpreterNeeded: false, phoneSuffix: 19,
    addressLine: '940 Ridge Top Road', town: 'alderFlats', payer: "Workers' compensation", team: 'rural',
    summary:
      'Complex regional pain syndrome in the right hand after a wrist fracture from a fall at his roofing job a year ago, covered by workers\' compensation. ' +
      'Graded motor imagery and desensitisation have eased the colour changes and swelling. ' +
      'His goals are to hold his daughter\'s hand without pain and to grip his tools again.',
  },
  {
    mrn: 'RB-100020', givenName: 'Gloria', familyName: 'Mendoza', ageYears: 59, daysSinceBirthday: 58,
    sex: 'female', race: 'unknown', ethnicity: 'hispanic-or-latino', language: 'es', interpreterNeeded: true,
    phoneSuffix: 20, addressLine: '16 Valley Farm Road', town: 'juniperRidge', payer: 'Medicaid', team: 'rural',
    summary:
      'Pain in the chest wall and left arm since a mastectomy and radiation for breast cancer three years ago; there was no sign of recurrence at her last oncology visit. ' +
      'The pain limits reaching and lifting and disturbs her sleep. ' +
      'A Spanish interpreter joins visits; she wants to cook for her church\'s community dinners again.',
  },
];
