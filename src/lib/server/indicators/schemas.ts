import { z } from 'zod';

/**
 * Shapes of upstream answers the server checks. The shapes of our own indicator
 * endpoints' requests and responses are in $lib/api/indicators.
 */

/** What a PxWeb v1 table says about itself (GET on the table's address); codes and texts pair up. */
export const pxwebV1TableSchema = z.object({
	title: z.string(),
	variables: z
		.array(
			z
				.object({
					code: z.string().min(1),
					text: z.string(),
					values: z.array(z.string()).min(1),
					valueTexts: z.array(z.string()),
					elimination: z.boolean().optional(),
					time: z.boolean().optional()
				})
				.refine((variable) => variable.values.length === variable.valueTexts.length, 'values and valueTexts differ in length')
		)
		.min(1)
});
