import { listMeta, type ListMeta, type Page } from '@sakip/contracts';

/** Marks a list result so the envelope interceptor sends `data` + `meta`. */
export class Paged<T> {
  constructor(readonly page: Page<T>) {}
  get items(): T[] {
    return this.page.items;
  }
  get meta(): ListMeta {
    return listMeta(this.page);
  }
}
