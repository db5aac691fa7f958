/** Demo patients cared for by the North team (fictional people; see demo-patient-spec.ts). */
import type { DemoPatientSpec } from './demo-patient-spec';

export const NORTH_TEAM_PATIENTS: readonly DemoPatientSpec[] = [
  {
    mrn: 'RB-100001', givenName: 'Maria', familyName: 'Garcia', ageYears: 54, daysSinceBirthday: 41,
    sex: 'female', race: 'white', ethnicity: 'hispanic-or-latino', language: 'es', interpreterNeeded: false,
    phoneSuffix: 1, email: 'maria.garcia@patients.example', addressLine: '418 Larch Street', town: 'riverbend',
    payer: 'Medicaid', team: 'north',
    summary:
      'Low back pain for three years that began while lifting a client in her work as a home health aide; no red flags on review. ' +
      'Pain builds over long shifts and eases with walking and heat. ' +
      'Her goals are to lift her granddaughter and to walk 30 minutes with her sister. She prefers Spanish for written materials.',
  },
  {
    mrn: 'RB-100004', givenName: 'Lan', familyName: 'Nguyen', ageYears: 46, daysSinceBirthday: 203,
    sex: 'female', race: 'asian', ethnicity: 'not-hispanic-or-latino', language: 'vi', interpreterNeeded: true,
    phoneSuffix: 4, email: 'lan.nguyen@patients.example', addressLine: '27 Orchard Court, Apt 3', town: 'riverbend',
    payer: 'Commercial', team: 'north',
    summary:
      'Neck and upper back pain since a rear-end car crash eight months ago; imaging showed no fracture. ' +
      'She has headaches most afternoons and finds it hard to turn her head while driving. ' +
      'Her goals are to drive to work without stopping and to return to full days at her sewing business. A Vietnamese interpreter joins visits.',
  },
  {
    mrn: 'RB-100008', givenName: 'Denise', familyName: 'Washington', ageYears: 63, daysSinceBirthday: 88,
    sex: 'female', race: 'black-or-african-american', ethnicity: 'not-hispanic-or-latino', language: 'en',
    interpreterNeeded: false, phoneSuffix: 8, email: 'denise.washington@patients.example',
    addressLine: '1502 Cottonwood Avenue', town: 'millbrook', payer: 'Medicare', team: 'north',
    summary:
      'Persistent low back and leg pain after two lumbar spine surgeries; on long-term opioid therapy for nine years at a stable dose of about 60 MME per day. ' +
      'Naloxone is at home and her husband knows how to use it. ' +
      'She walks her grandson to school each morning and wants to keep doing that. Her benefit and risk review and agreement review are due.',
  },
  {
    mrn: 'RB-100007', givenName: 'Leilani', familyName: 'Kahale', ageYears: 31, daysSinceBirthday: 150,
    sex: 'female', race: 'native-hawaiian-or-other-pacific-islander', ethnicity: 'not-hispanic-or-latino',
    language: 'en', interpreterNeeded: false, phoneSuffix: 7, addressLine: '9 Heron Way', town: 'eastGate',
    payer: 'Commercial', team: 'north',
    summary:
      'Migraine since her teens, with neck pain and muscle tension that have grown over the past two years to about ten headache days a month. ' +
      'She works long hours at a computer as a graphic designer. ' +
      'Her goals are fewer missed workdays and paddling with her outrigger canoe club again.',
  },
  {
    mrn: 'RB-100015', givenName: 'Alejandra', familyName: 'Rivera', preferredName: 'Alex', ageYears: 22,
    daysSinceBirthday: 12, sex: 'other', genderIdentity: 'non-binary', pronouns: 'they/them', race: 'multiple',
    ethnicity: 'not-hispanic-or-latino', language: 'en', interpreterNeeded: false, phoneSuffix: 15,
    addressLine: '600 College Row, Room 214', town: 'riverbend', payer: 'Commercial', team: 'north',
    summary:
      'Widespread joint pain with hypermobility spectrum disorder since adolescence, including frequent partial shoulder dislocations. ' +
      'A university student who wants to carry a backpack across campus and return to indoor climbing. ' +
      'Alex uses they/them pronouns.',
  },
  {
    mrn: 'RB-100018', givenName: 'Grace', familyName: 'Kim', ageYears: 33, daysSinceBirthday: 301,
    sex: 'female', race: 'asian', ethnicity: 'not-hispanic-or-latino', language: 'en', interpreterNeeded: false,
    phoneSuffix: 18, addressLine: '75 Maple Terrace', town: 'eastGate', payer: 'Commercial', team: 'north',
    summary:
      'Pelvic pain from endometriosis for eight years, with flares around her period and pain when sitting for long. ' +
      'She has had two laparoscopic surgeries and now sees a pelvic-floor physical therapist. ' +
      'She wants to sit through a full workday and travel to visit her family.',
  },
  {
    mrn: 'RB-100014', givenName: 'Dmitri', familyName: 'Volkov', ageYears: 52, daysSinceBirthday: 230,
    sex: 'male', race: 'white', ethnicity: 'not-hispanic-or-latino', language: 'ru', interpreterNeeded: true,
    phoneSuffix: 14, addressLine: '33 Foundry Road', town: 'millbrook', payer: "Workers' compensation", team: 'north',
    summary:
      'Neck and left shoulder pain since a fall from a loading dock at work fourteen months ago, covered by workers\' compensation. ' +
      'Physical therapy visits are capped by the claim, so his coordinator tracks each authorisation. ' +
      'He wants to lift his toolbox and return to work on modified duties. A Russian interpreter joins visits.',
  },
];
