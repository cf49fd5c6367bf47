import { createAtwKalender } from '../../src/domain/kalender/atwKalender';
import { computeTermijnen } from '../../src/domain/termijnen/computeTermijnen';
import { buildLandelijkScenario } from '../support/landelijkScenario';

/** Engine at national scale: 31 regions × 6 years of besluiten and 40,000 tariefbeschikkingen, on one core. */
export function runEngineBench(): void {
  const invoer = buildLandelijkScenario({ tariefbeschikkingen: 40_000, eersteJaar: 2026, jaren: 6 });
  const tijden: number[] = [];
  let uitkomst;
  for (let run = 0; run < 7; run++) {
    // A fresh calendar each run: no memoised dates carried over, every run pays the full cost.
    const config = { inwerkingtreding: '2025-01-01', kalender: createAtwKalender() };
    const start = performance.now();
    uitkomst = computeTermijnen(invoer, config);
    tijden.push(performance.now() - start);
  }
  const eerste = tijden[0]!;
  tijden.sort((a, b) => a - b);
  const median = tijden[Math.floor(tijden.length / 2)]!;
  console.log(
    `engine: ${invoer.besluiten.length} besluiten (40,000 tariefbeschikkingen), ${uitkomst!.termijnen.length} termijnen, ` +
      `${uitkomst!.uitsluitingen.length} uitsluitingen, ${uitkomst!.status.length} regio-jaren — ` +
      `first run ${eerste.toFixed(0)} ms (cold), median ${median.toFixed(0)} ms, best ${tijden[0]!.toFixed(0)} ms`,
  );
}
