/**
 * The chronology as a PDF for a strategy meeting. It is built only from the presented entries, so it
 * holds exactly what the reader may see on screen, never more.
 */
import PDFDocument from 'pdfkit';
import type { ChronologyEntryView } from './chronology.ts';

export interface PdfHeader {
  childName: string;
  dateOfBirth: string | null;
  preparedFor: string;
  agencyName: string;
  filters: string;
}

const when = (isoText: string) => isoText.slice(0, 10);

export async function chronologyPdf(
  header: PdfHeader,
  entries: readonly ChronologyEntryView[],
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: {
      Title: `Chronology: ${header.childName}`,
      Author: 'Lantern',
      Subject: 'Chronology for a strategy meeting',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(9).text('OFFICIAL-SENSITIVE', { align: 'right' });
  doc.fontSize(18).text(`Chronology: ${header.childName}`);
  doc.font('Helvetica').fontSize(10);
  if (header.dateOfBirth) doc.text(`Date of birth: ${header.dateOfBirth}`);
  doc.text(
    `Exported ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC for ${header.preparedFor} (${header.agencyName}).`,
  );
  doc.text(`Filters: ${header.filters}`);
  doc.text(
    'This export holds only the entries its reader may see. Unverified and disputed entries are marked: do not repeat them as fact.',
  );
  doc.moveDown();

  if (entries.length === 0) doc.text('No entries.');
  for (const e of entries) {
    const mark = e.verification === 'verified' ? '' : `[${e.verificationName.toUpperCase()}] `;
    doc
      .font('Helvetica-Bold')
      .fontSize(11)
      .text(`${when(e.occurredAt)}  ${mark}${e.title}`);
    doc.font('Helvetica').fontSize(9);
    doc.text(
      `Recorded ${when(e.recordedAt)} by ${e.author?.name ?? 'Lantern'}${e.sourceAgency ? ` (${e.sourceAgency.name})` : ''}. Source: ${e.source}. ` +
        `Verification: ${e.verificationName}. Label: ${e.sensitivityName}.`,
    );
    doc.fontSize(10).text(e.summary);
    doc.moveDown(0.6);
  }
  doc.end();
  return done;
}
