import { authenticate, type DirectLineCaller } from './credentials';
import { directLineKeys } from './keys';

export async function directLineCaller(request: Request): Promise<DirectLineCaller> {
  return authenticate(await directLineKeys(), request.headers.get('authorization'));
}
