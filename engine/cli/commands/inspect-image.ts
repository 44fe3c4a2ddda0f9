import { getImage } from '../../image/get.ts';
import { CONFIG_FIELDS, inspectImage } from '../../image/inspect.ts';
import type { ImageStore } from '../../image/store.ts';
import { goStruct, NIL_MAP, NIL_SLICE } from '../template/index.ts';

const SLICES = new Set(['Env', 'Entrypoint', 'Cmd', 'OnBuild', 'Shell']);
const MAPS = new Set(['ExposedPorts', 'Volumes', 'Labels']);

/**
 * An image as `docker image inspect` templates see it: moby's image.InspectResponse with its Go field names
 * (`ID`, JSON `Id`), empty fields as Go's zero values (a nil slice prints `[]`) and omitempty for JSON, so
 * `marshalJson` of it is the daemon's response body.
 */
export function imageInspectValue(store: ImageStore, ref: string): unknown {
  const data = inspectImage(store, getImage(store, ref));
  const config: Record<string, unknown> = {};
  for (const key of CONFIG_FIELDS) {
    const v = data.Config[key];
    if (v !== undefined) config[key] = v;
    else config[key] = SLICES.has(key) ? NIL_SLICE : MAPS.has(key) ? NIL_MAP : key === 'ArgsEscaped' ? false : key === 'Healthcheck' ? null : '';
  }
  return goStruct(
    { name: 'image.InspectResponse', json: { ID: 'Id' }, omitEmpty: ['Variant', 'OsVersion'] },
    {
      ID: data.Id,
      RepoTags: data.RepoTags,
      RepoDigests: data.RepoDigests,
      Parent: data.Parent,
      Comment: data.Comment,
      Created: data.Created,
      DockerVersion: data.DockerVersion,
      Author: data.Author,
      Config: goStruct({ name: '*v1.DockerOCIImageConfig', omitEmpty: [...CONFIG_FIELDS] }, config),
      Architecture: data.Architecture,
      Variant: data.Variant ?? '',
      Os: data.Os,
      OsVersion: data.OsVersion ?? '',
      Size: data.Size,
      GraphDriver: goStruct({ name: '*storage.DriverData' }, { Data: data.GraphDriver.Data, Name: data.GraphDriver.Name }),
      RootFS: goStruct({ name: 'image.RootFS', omitEmpty: ['Type', 'Layers'] }, { Type: data.RootFS.Type, Layers: data.RootFS.Layers ?? NIL_SLICE }),
      Metadata: goStruct({ name: 'image.Metadata' }, { LastTagTime: data.Metadata.LastTagTime }),
    },
  );
}
