import type { HeaderReader } from '../../http/incoming';
import { authenticate, type DirectLineCaller } from './credentials';
import { directLineKeys } from './keys';

export async function directLineCaller(request: { headers: HeaderReader }): Promise<DirectLineCaller> {
  return authenticate(await directLineKeys(), request.headers.get('authorization'));
}
