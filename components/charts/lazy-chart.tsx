'use client';

import dynamic from 'next/dynamic';
import type { GroupedBarModel, StackedBarModel, TimeSeriesModel, TimelineModel, ChartModel } from '@/lib/charts/model';

// recharts is only fetched where a chart is on screen, after the page itself: the server-rendered
// caption, key and table alternative are there first, and the page's first-load JS stays small.
const Skeleton = () => <div aria-hidden="true" className="h-48 animate-pulse rounded-md bg-canvas" />;

const FundingBars = dynamic(() => import('./funding-bars'), { ssr: false, loading: Skeleton });
const FundingOverTime = dynamic(() => import('./funding-over-time'), { ssr: false, loading: Skeleton });
const FundingGap = dynamic(() => import('./funding-gap'), { ssr: false, loading: Skeleton });
const MilestoneTimeline = dynamic(() => import('./milestone-timeline'), { ssr: false, loading: Skeleton });

export function LazyChart({ model, title }: { model: ChartModel; title: string }) {
  switch (model.kind) {
    case 'stacked-bar':
      return <FundingBars model={model as StackedBarModel} title={title} />;
    case 'time-series':
      return <FundingOverTime model={model as TimeSeriesModel} title={title} />;
    case 'grouped-bar':
      return <FundingGap model={model as GroupedBarModel} title={title} />;
    case 'timeline':
      return <MilestoneTimeline model={model as TimelineModel} title={title} />;
  }
}
