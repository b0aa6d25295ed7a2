'use client';

import { toCsv } from '@/lib/charts/csv';

type Labels = { png: string; svg: string; csv: string; group: string };

function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The chart's own <svg>, made standalone: namespace, size, white background and the page font inlined. */
function standaloneSvg(figureId: string): { text: string; width: number; height: number } | null {
  const svg = document.getElementById(figureId)?.querySelector<SVGSVGElement>('svg.recharts-surface');
  if (!svg) return null;
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(Math.round(width)));
  clone.setAttribute('height', String(Math.round(height)));
  clone.setAttribute('viewBox', `0 0 ${Math.round(width)} ${Math.round(height)}`);
  clone.setAttribute('font-family', getComputedStyle(svg).fontFamily);
  clone.removeAttribute('tabindex');
  clone.removeAttribute('role');
  clone.removeAttribute('style');
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  clone.insertBefore(background, clone.firstChild);
  return { text: new XMLSerializer().serializeToString(clone), width, height };
}

/** PNG / SVG of the drawn chart and CSV of its data (the same rows as the table alternative). */
export function ChartDownloads({ figureId, filename, csv, labels }: { figureId: string; filename: string; csv: (string | number | null)[][]; labels: Labels }) {
  const svgFile = () => {
    const svg = standaloneSvg(figureId);
    if (svg) save(new Blob([svg.text], { type: 'image/svg+xml;charset=utf-8' }), `${filename}.svg`);
  };
  const pngFile = () => {
    const svg = standaloneSvg(figureId);
    if (!svg) return;
    const image = new Image();
    const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml;charset=utf-8' }));
    image.onload = () => {
      const scale = 2; // sharp on high-density screens and in slides
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(svg.width * scale);
      canvas.height = Math.round(svg.height * scale);
      const context = canvas.getContext('2d');
      if (!context) return;
      context.scale(scale, scale);
      context.drawImage(image, 0, 0, svg.width, svg.height);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => blob && save(blob, `${filename}.png`), 'image/png');
    };
    image.src = url;
  };
  const csvFile = () => save(new Blob([toCsv(csv)], { type: 'text/csv;charset=utf-8' }), `${filename}.csv`);
  const button = 'rounded-md border border-line bg-white px-2.5 py-1 text-xs font-medium text-accent-700 hover:bg-accent-50';
  return (
    <div role="group" aria-label={labels.group} className="no-print flex flex-wrap gap-2">
      <button type="button" className={button} onClick={pngFile}>
        {labels.png}
      </button>
      <button type="button" className={button} onClick={svgFile}>
        {labels.svg}
      </button>
      <button type="button" className={button} onClick={csvFile}>
        {labels.csv}
      </button>
    </div>
  );
}
