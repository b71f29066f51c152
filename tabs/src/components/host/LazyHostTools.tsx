// The host tools arrive in their own chunk, so attendees never download them (the side panel's
// initial JavaScript budget is 160 KB gzip; see npm run bench). Once the chunk is in, the tools
// render at once: a panel mounted again (another meeting, a test) never waits on a loader.
import { useI18n } from '../../i18n/I18n.js';
import { Spinner } from '@fluentui/react-components';
import { Suspense, lazy } from 'react';
import type { PanelSectionProps } from '../panel-props.js';

type HostToolsModule = typeof import('./HostTools.js');

let loading: Promise<HostToolsModule> | undefined;
let loaded: HostToolsModule | undefined;

/** Starts (or joins) the one load of the host tools. */
export function loadHostTools(): Promise<HostToolsModule> {
  loading ??= import('./HostTools.js').then((module) => {
    loaded = module;
    return module;
  });
  return loading;
}

const Deferred = lazy(() => loadHostTools().then((module) => ({ default: module.HostTools })));

function LoadingHostTools() {
  const { t } = useI18n();
  return <Spinner size="tiny" label={t('host.loading')} />;
}

export function LazyHostTools(props: PanelSectionProps) {
  if (loaded !== undefined) return <loaded.HostTools {...props} />;
  return (
    <Suspense fallback={<LoadingHostTools />}>
      <Deferred {...props} />
    </Suspense>
  );
}
