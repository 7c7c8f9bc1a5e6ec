/** Pages about the site itself (its accessibility statement, what it keeps on the device): a chunk of their own, loaded when one is visited. */
export { AccessibilityPage } from './AccessibilityPage';
export { StoragePage, STORAGE_PAGE_TITLE, type StoragePageProps } from './StoragePage';
export { storageInventory, type KeptThing, type Place, type StoredField } from './storage-inventory';
