import type { Measure } from './measure.js';
import { httpMeasure } from './http-measure.js';
import { callbacksMeasure } from './callbacks-measure.js';
import { callsMeasure } from './calls-measure.js';
import { joinScaleMeasure } from './join-scale-measure.js';
import { coldStartMeasure } from './cold-start-measure.js';
import { scaleMeasure } from './scale-measure.js';

/** In the order they run: cheap and most-watched first, so a time-out loses the least. */
export const MEASURES: readonly Measure[] = [httpMeasure, callbacksMeasure, coldStartMeasure, callsMeasure, joinScaleMeasure, scaleMeasure];

export function selectMeasures(quick: boolean, only?: string[]): Measure[] {
  const unknown = only?.filter((id) => !MEASURES.some((measure) => measure.id === id)) ?? [];
  if (unknown.length > 0) throw new Error(`unknown measure id(s): ${unknown.join(', ')} (known: ${MEASURES.map((m) => m.id).join(', ')})`);
  return MEASURES.filter((measure) => (only ? only.includes(measure.id) : !quick || measure.quick));
}
