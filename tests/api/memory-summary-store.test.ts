// MemorySummaryStore keeps the same contract as the Table Storage store.
import { MemorySummaryStore } from '../../api/src/adapters/memory/memory-summary-store.js';
import { summaryStoreContract } from '../support/summary-store-contract.js';

summaryStoreContract('MemorySummaryStore', () => {
  const store = new MemorySummaryStore();
  return Promise.resolve({
    store,
    breakStorage: () => {
      store.unavailable = true;
      return Promise.resolve();
    },
  });
});
