/**
 * The organisation details the accessibility statement (tillgänglighetsredogörelse,
 * required by the DOS law) needs. The organiser fills them in through configuration;
 * what is missing is shown as a visible placeholder so nobody publishes a half-done
 * statement by mistake.
 */
export interface StatementDetails {
	organisation: string | null;
	contactEmail: string | null;
	contactPhone: string | null;
	assessedOn: string | null;
}

export function readStatementDetails(env: Record<string, string | undefined> = process.env): StatementDetails {
	const value = (name: string) => env[name]?.trim() || null;
	return {
		organisation: value('A11Y_ORGANISATION'),
		contactEmail: value('A11Y_CONTACT_EMAIL'),
		contactPhone: value('A11Y_CONTACT_PHONE'),
		assessedOn: value('A11Y_ASSESSED_ON')
	};
}
