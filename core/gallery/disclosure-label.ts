/**
 * The label a sponsored post must carry where it is shown, when its license requires
 * disclosure: the local word where the law or the market expects one (Poland: "REKLAMA"),
 * otherwise the international "#ad". Add countries here as legal review supplies their labels.
 */
const LOCAL_LABELS: Readonly<Record<string, string>> = { PL: 'REKLAMA' };

export const disclosureLabel = (territory: string): string => LOCAL_LABELS[territory] ?? '#ad';
