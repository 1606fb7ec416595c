import { untrack } from 'svelte';
import type { I18n } from '$lib/i18n/i18n.svelte';
import type { WorkshopIndicator } from '$lib/sync/indicators';
import { defaultView, facetsOf, reconcileView, type ChartView } from './chart-view';
import { indicatorLabels } from './labels';

/**
 * An indicator as its chart reads it: observations, facets, labels and the view
 * chosen, which stays valid when new data arrives. Create it while a component is
 * set up (it keeps the view in step with an effect).
 */
export class IndicatorChartState {
	readonly #indicator: () => WorkshopIndicator;
	readonly #i18n: I18n;
	readonly observations = $derived.by(() => this.#indicator().data?.observations ?? []);
	readonly facets = $derived.by(() => facetsOf(this.observations));
	readonly labels = $derived.by(() => {
		const { data, meta } = this.#indicator();
		return indicatorLabels({
			i18n: this.#i18n,
			areas: this.facets.areas,
			...(data?.dimensions ? { dimensions: data.dimensions } : {}),
			...(meta.unit ? { unit: meta.unit } : {})
		});
	});
	view = $state<ChartView>() as ChartView;

	constructor(indicator: () => WorkshopIndicator, i18n: I18n) {
		this.#indicator = indicator;
		this.#i18n = i18n;
		this.view = defaultView(this.observations, this.facets);
		$effect.pre(() => {
			const next = reconcileView(
				untrack(() => this.view),
				this.observations,
				this.facets
			);
			if (JSON.stringify(next) !== JSON.stringify(untrack(() => this.view))) this.view = next;
		});
	}
}
