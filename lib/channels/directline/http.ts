import { authenticate, type DirectLineCaller } from './credentials';
import { directLineKeys } from './keys';

export function directLineCaller(request: Request): Promise<DirectLineCaller> {
  return authenticate(directLineKeys(), request.headers.get('authorization'));
}
