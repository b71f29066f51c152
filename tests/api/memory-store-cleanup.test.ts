// MemoryMeetingStore keeps the same session and cleanup contract as the Table Storage store.
import { MemoryMeetingStore } from '../../api/src/adapters/memory/memory-meeting-store.js';
import { meetingStoreContract } from '../support/meeting-store-contract.js';

meetingStoreContract('MemoryMeetingStore', () => {
  const store = new MemoryMeetingStore();
  return Promise.resolve({
    store,
    breakStorage: () => {
      store.unavailable = true;
      return Promise.resolve();
    },
  });
});
