/**
 * Generated PDF reports embed a system CJK font (src/lib/generate/pdf.ts): tests that write PDFs
 * need one. CI installs fonts-wqy-microhei; elsewhere they skip with a message.
 */
import { CJK_FONTS, cjkFont } from '../src/lib/generate/pdf';
import { describeNeeding } from './needs';

export const hasCjkFont = cjkFont() !== undefined;

export function describeWithCjkFont(name: string, fn: () => void) {
	return describeNeeding(
		{
			has: hasCjkFont,
			what: 'a CJK font to write PDF reports (apt-get install fonts-wqy-microhei)',
			missing: `no CJK font to write PDF reports with (looked for GD_PDF_FONT and ${CJK_FONTS.map((f) => f.path).join(', ')})`
		},
		name,
		fn
	);
}
