// Prints the text of a PDF as JSON {text, pages} (pdf-parse). A separate process because pdf-parse's
// pdf.js starts its worker with a dynamic import, which Jest's module sandbox does not allow.
import { readFileSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';

const parser = new PDFParse({ data: readFileSync(process.argv[2]) });
const result = await parser.getText();
await parser.destroy();
process.stdout.write(JSON.stringify({ text: result.text, pages: result.total }));
