'use client';

import dynamic from 'next/dynamic';
import { useLayoutEffect, useRef, useState } from 'react';
import type { GroupedBarModel, StackedBarModel, TimeSeriesModel, TimelineModel, ChartModel } from '@/lib/charts/model';

// recharts is only fetched where a chart is on screen, after the page itself: the server-rendered
// caption, key and table alternative are there first, and the page's first-load JS stays small.
const Skeleton = () => <div aria-hidden="true" className="h-48 animate-pulse rounded-md bg-canvas" />;

const FundingBars = dynamic(() => import('./funding-bars'), { ssr: false, loading: Skeleton });
const FundingOverTime = dynamic(() => import('./funding-over-time'), { ssr: false, loading: Skeleton });
const FundingGap = dynamic(() => import('./funding-gap'), { ssr: false, loading: Skeleton });
const MilestoneTimeline = dynamic(() => import('./milestone-timeline'), { ssr: false, loading: Skeleton });

/** The width the chart may use, measured here (and on every resize) so the chart is drawn at a real size. */
function useWidth(ref: React.RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = () => setWidth(Math.floor(element.getBoundingClientRect().width));
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

export function LazyChart({ model, title }: { model: ChartModel; title: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useWidth(ref);
  return (
    <div ref={ref} className="w-full">
      {width > 0 ? <Chart model={model} title={title} width={width} /> : <Skeleton />}
    </div>
  );
}

function Chart({ model, title, width }: { model: ChartModel; title: string; width: number }) {
  switch (model.kind) {
    case 'stacked-bar':
      return <FundingBars model={model as StackedBarModel} title={title} width={width} />;
    case 'time-series':
      return <FundingOverTime model={model as TimeSeriesModel} title={title} width={width} />;
    case 'grouped-bar':
      return <FundingGap model={model as GroupedBarModel} title={title} width={width} />;
    case 'timeline':
      return <MilestoneTimeline model={model as TimelineModel} title={title} width={width} />;
  }
}
