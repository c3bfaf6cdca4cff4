// Pure: splitting one incident's loss over the journeys it degraded.
import type { JourneyName } from "../vocabulary/catalog.ts";
import { lossBetween, type ImpactChangeSpec } from "../impact/loss.ts";
import type { ImpactModel } from "../impact/model.ts";

/**
 * Each journey gets the incident's (capped) revenue loss in proportion to what it would have lost
 * alone. The cap makes journeys overlap (checkout and payment fail the same purchases), so their
 * separate losses add up to more than the incident lost; the proportional share adds up exactly.
 */
export function attributeJourneyLoss(
  model: ImpactModel,
  changes: readonly ImpactChangeSpec[],
  from: Date,
  to: Date,
): { total: number; byJourney: Partial<Record<JourneyName, number>> } {
  const total = lossBetween(model, changes, from, to).revenue;
  const alone = new Map<JourneyName, number>();
  for (const journey of new Set(changes.map((c) => c.journey))) {
    alone.set(
      journey,
      lossBetween(
        model,
        changes.filter((c) => c.journey === journey),
        from,
        to,
      ).revenue,
    );
  }
  const sum = [...alone.values()].reduce((a, b) => a + b, 0);
  const byJourney: Partial<Record<JourneyName, number>> = {};
  if (sum > 0) for (const [journey, loss] of alone) if (loss > 0) byJourney[journey] = (total * loss) / sum;
  return { total, byJourney };
}
