/**
 * A patient's agreement as a printable PDF (US Letter, as many pages as it needs), drawn with
 * @react-pdf/renderer in Atkinson Hyperlegible (Braille Institute, SIL OFL 1.1) embedded from its TTF files,
 * at a large size (12 pt) for reading. It prints the current version's exact text, the signatures with the
 * SHA-256 of the text each person signed, the questions and answers, and the earlier versions by number.
 */
import { createRequire } from 'node:module';
import { Document, Font, Page, StyleSheet, Text, View, renderToBuffer } from '@react-pdf/renderer';
import type { ReactElement } from 'react';
import { agreementBlocks } from '../../domain/agreements/template';
import type { AgreementView } from './agreements.service';

const require = createRequire(import.meta.url);
const FONT = 'Atkinson Hyperlegible';
const FONT_PACKAGE = '@expo-google-fonts/atkinson-hyperlegible';
Font.register({
  family: FONT,
  fonts: [
    { src: require.resolve(`${FONT_PACKAGE}/400Regular/AtkinsonHyperlegible_400Regular.ttf`), fontWeight: 400 },
    { src: require.resolve(`${FONT_PACKAGE}/700Bold/AtkinsonHyperlegible_700Bold.ttf`), fontWeight: 700 },
  ],
});
Font.registerHyphenationCallback((word) => [word]);

const INK = '#1a1a1a';
const MUTED = '#4a4a4a';
const s = StyleSheet.create({
  page: { fontFamily: FONT, fontSize: 12, color: INK, paddingTop: 40, paddingBottom: 50, paddingHorizontal: 54, lineHeight: 1.45 },
  meta: { fontSize: 10, color: MUTED, marginBottom: 10 },
  title: { fontSize: 20, fontWeight: 700, marginBottom: 8, lineHeight: 1.2 },
  h2: { fontSize: 14, fontWeight: 700, marginTop: 12, marginBottom: 4 },
  p: { marginBottom: 6 },
  item: { flexDirection: 'row', marginBottom: 3 },
  bullet: { width: 14 },
  itemText: { flex: 1 },
  box: { borderWidth: 1, borderColor: INK, borderRadius: 3, padding: 8, marginTop: 6 },
  small: { fontSize: 9.5, color: MUTED },
  bold: { fontWeight: 700 },
  footer: { position: 'absolute', bottom: 22, left: 54, right: 54, fontSize: 8.5, color: MUTED },
});

const when = (iso: string): string => iso.slice(0, 16).replace('T', ' ') + ' UTC';

export function AgreementDocument({ agreement, patientName, mrn, printedAt }: { agreement: AgreementView; patientName: string; mrn: string; printedAt: string }): ReactElement {
  const v = agreement.current;
  const blocks = agreementBlocks(v.text);
  const signed = (role: 'patient' | 'clinician') => v.signatures.find((x) => x.signerRole === role);
  return (
    <Document title={`Agreement – ${patientName} – version ${v.number}`} author="Painpath" language="en">
      <Page size="LETTER" style={s.page}>
        <Text style={s.meta}>
          {patientName} · MRN {mrn} · Version {v.number} of {agreement.versions.length} · Reading grade {v.readingGrade ?? '–'} (target {agreement.maxReadingGrade} or lower)
        </Text>
        {blocks.map((b, i) => {
          switch (b.kind) {
            case 'title':
              return <Text key={i} style={s.title}>{b.text}</Text>;
            case 'heading':
              return <Text key={i} style={s.h2}>{b.text}</Text>;
            case 'paragraph':
              return <Text key={i} style={s.p}>{b.text}</Text>;
            case 'list':
              return (
                <View key={i} style={{ marginBottom: 6 }}>
                  {b.items.map((item, j) => (
                    <View key={j} style={s.item} wrap={false}>
                      <Text style={s.bullet}>•</Text>
                      <Text style={s.itemText}>{item}</Text>
                    </View>
                  ))}
                </View>
              );
            default: {
              const never: never = b;
              return never;
            }
          }
        })}
        <View style={s.box} wrap={false}>
          <Text style={s.bold}>Signatures for version {v.number}</Text>
          {(['patient', 'clinician'] as const).map((role) => {
            const sig = signed(role);
            return (
              <Text key={role}>
                {role === 'patient' ? 'Patient' : 'Clinician'}: {sig ? `${sig.signerName}, signed ${when(sig.signedAt)}` : 'not signed yet'}
              </Text>
            );
          })}
          <Text style={s.small}>Text fingerprint (SHA-256): {v.textHash}</Text>
        </View>
        {agreement.questions.length > 0 && (
          <View>
            <Text style={s.h2}>Questions and answers</Text>
            {agreement.questions.map((q) => (
              <View key={q.id} style={{ marginBottom: 6 }} wrap={false}>
                <Text>
                  <Text style={s.bold}>Q: </Text>
                  {q.question} <Text style={s.small}>({q.askedByName}, {when(q.askedAt)})</Text>
                </Text>
                <Text>
                  <Text style={s.bold}>A: </Text>
                  {q.answer ?? 'Not answered yet.'} {q.answeredByName !== null && <Text style={s.small}>({q.answeredByName})</Text>}
                </Text>
              </View>
            ))}
          </View>
        )}
        {agreement.versions.length > 1 && (
          <View>
            <Text style={s.h2}>Earlier versions</Text>
            {agreement.versions
              .filter((x) => x.number !== v.number)
              .map((x) => (
                <Text key={x.number} style={s.small}>
                  Version {x.number}, {when(x.createdAt)}{x.reason !== null ? ` – ${x.reason}` : ''}. Signed by {x.signatures.map((sig) => sig.signerName).join(' and ') || 'no one'}. SHA-256 {x.textHash}
                </Text>
              ))}
          </View>
        )}
        <Text style={s.footer} fixed>
          {`${patientName} · agreement version ${v.number} · printed ${when(printedAt)} from Painpath`}
        </Text>
      </Page>
    </Document>
  );
}

export async function renderAgreementPdf(input: { agreement: AgreementView; patientName: string; mrn: string; printedAt: string }): Promise<Buffer> {
  return renderToBuffer(<AgreementDocument {...input} />);
}
