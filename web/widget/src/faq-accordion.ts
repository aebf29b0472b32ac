import { element } from './dom';
import type { FaqEntry } from './gallery-types';

/**
 * The published FAQ as native disclosure widgets, which are keyboard accessible (Tab, Enter,
 * Space) and announced by screen readers without any script: one closed row ("Questions &
 * answers (3)") that opens into the questions, each of which opens into its answer. One
 * closed row has a known height, so the FAQ arriving never pushes the page down.
 */
export function faqAccordion(faq: FaqEntry[], title: string): HTMLDetailsElement {
  const accordion = element('details');
  accordion.append(element('summary', '', `${title} (${faq.length})`));
  for (const { question, answer } of faq) {
    const entry = element('details');
    entry.append(element('summary', '', question), element('p', '', answer));
    accordion.append(entry);
  }
  return accordion;
}
