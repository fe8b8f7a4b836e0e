import { ArrayMaxSize, IsArray, IsUUID, Matches } from 'class-validator';
import { IsNullableUuid } from '../common/validators';

/**
 * `evt.<service>.file_links.changed.v1`, from every service that references files (achievement
 * evidence, evaluation evidence, the settings logo, reports, imports). `fileIds` is the owner's
 * COMPLETE current set (not a delta), so applying it twice or late converges; an empty list
 * releases every file the owner held. The file service uses it to know what is still referenced.
 */
export class FileLinksChangedV1 {
  /** snake_case kind of owner, e.g. `achievement`, `evaluation_evidence`, `settings_logo`, `report`, `import`. */
  @Matches(/^[a-z][a-z0-9_]{0,63}$/) ownerType: string;
  @IsUUID() ownerId: string;
  @IsArray() @ArrayMaxSize(1000) @IsUUID('all', { each: true }) fileIds: string[];
  /** The OPD the owner belongs to; null for Pemda-wide owners (settings). */
  @IsNullableUuid() opdId: string | null;
}
