/** Demo patients cared for by the South team (fictional people; see demo-patient-spec.ts). */
import type { DemoPatientSpec } from './demo-patient-spec';

export const SOUTH_TEAM_PATIENTS: readonly DemoPatientSpec[] = [
  {
    mrn: 'RB-100003', givenName: 'Aisha', familyName: 'Mohamed', ageYears: 38, daysSinceBirthday: 95,
    sex: 'female', race: 'black-or-african-american', ethnicity: 'not-hispanic-or-latino', language: 'so',
    interpreterNeeded: true, phoneSuffix: 3, addressLine: '211 Juniper Street, Apt 12', town: 'riverbend',
    payer: 'Medicaid', team: 'south',
    summary:
      'Fibromyalgia diagnosed four years ago, with widespread pain, poor sleep and tiredness that make her days hard to plan. ' +
      'A Somali interpreter joins every visit. ' +
      'She is working on a graded walking plan and a sleep routine and wants to cook for her family again on weekends.',
  },
  {
    mrn: 'RB-100006', givenName: 'Wei', familyName: 'Zhang', ageYears: 74, daysSinceBirthday: 320,
    sex: 'male', race: 'asian', ethnicity: 'not-hispanic-or-latino', language: 'zh', interpreterNeeded: true,
    phoneSuffix: 6, addressLine: '58 Willow Lane', town: 'riverbend', payer: 'Medicare', team: 'south',
    summary:
      'Knee pain that has continued since a right total knee replacement fourteen months ago. ' +
      'His range of motion improved with physical therapy, but stairs and long walks are still hard. ' +
      'He wants to practise tai chi in the park with his group again. A Mandarin interpreter joins visits.',
  },
  {
    mrn: 'RB-100009', givenName: 'Kevin', familyName: "O'Brien", ageYears: 41, daysSinceBirthday: 177,
    sex: 'male', race: 'white', ethnicity: 'not-hispanic-or-latino', language: 'en', interpreterNeeded: false,
    phoneSuffix: 9, addressLine: '740 Railway Avenue', town: 'riverbend', payer: 'Medicaid', team: 'south',
    summary:
      'Chronic right shoulder pain after a work injury and two surgeries. ' +
      'He has been in recovery from opioid use disorder for four years and takes buprenorphine-naloxone prescribed here, which also eases his pain. ' +
      'He works as a line cook and wants to lift stockpots through a full shift. He asks that his recovery be discussed only with his care team.',
  },
  {
    mrn: 'RB-100010', givenName: 'Darnell', familyName: 'Price', ageYears: 35, daysSinceBirthday: 64,
    sex: 'male', race: 'black-or-african-american', ethnicity: 'unknown', language: 'en', interpreterNeeded: false,
    phoneSuffix: 10, addressLine: '15 Mercer Street (shared housing)', town: 'millbrook', payer: 'Self-pay',
    team: 'south',
    summary:
      'Chronic low back pain and right ankle pain from an old fracture that healed poorly. ' +
      'Released from prison three weeks ago, he is rebuilding his care: a first primary-care visit, a Medicaid application in progress and rides to appointments. ' +
      'Overdose risk is higher in the weeks after release, so naloxone was offered and he accepted it. He wants to stand through full shifts at his new warehouse job.',
  },
  {
    mrn: 'RB-100012', givenName: 'Fatima', familyName: 'Al-Sayed', ageYears: 29, daysSinceBirthday: 250,
    sex: 'female', race: 'declined', ethnicity: 'declined', language: 'ar', interpreterNeeded: true,
    phoneSuffix: 12, addressLine: '402 Birch Street', town: 'eastGate', payer: 'Medicaid', team: 'south',
    summary:
      'Pregnant at 24 weeks, with pelvic girdle pain that makes walking, stairs and turning in bed painful. ' +
      'Her plan is physical therapy, a support belt, heat and acetaminophen as needed, with no opioids, agreed with her and her obstetric team. ' +
      'An Arabic interpreter joins visits; she wants to keep walking her older child to school.',
  },
  {
    mrn: 'RB-100013', givenName: 'Jasmine', familyName: 'Baptiste', ageYears: 27, daysSinceBirthday: 33,
    sex: 'female', race: 'black-or-african-american', ethnicity: 'not-hispanic-or-latino', language: 'ht',
    interpreterNeeded: true, phoneSuffix: 13, addressLine: '88 Harbor View, Apt 5B', town: 'riverbend',
    payer: 'Medicaid', team: 'south',
    summary:
      'Sickle cell disease (HbSS) with pain episodes about every two months and hip pain between episodes. ' +
      'The CDC 2022 opioid guideline excludes sickle cell disease, so her individualised pain plan follows guidance from her hematology team. ' +
      'She prefers Haitian Creole for visits and is studying to become a medical assistant.',
  },
  {
    mrn: 'RB-100016', givenName: 'Naomi', familyName: 'Fischer', ageYears: 48, daysSinceBirthday: 140,
    sex: 'female', genderIdentity: 'transgender woman', pronouns: 'she/her', race: 'white',
    ethnicity: 'not-hispanic-or-latino', language: 'en', interpreterNeeded: false, phoneSuffix: 16,
    addressLine: '1220 Summit Drive', town: 'riverbend', payer: 'Commercial', team: 'south',
    summary:
      'Plantar heel pain and right knee pain for two years that stopped her running and now limit walking to about 15 minutes. ' +
      'She teaches high school and stands most of the day. ' +
      'Her goals are to walk her dog for 45 minutes and to run a 5 km race again.',
  },
];
