import { authenticate, type DirectLineCaller } from './credentials';
import { directLineKeys } from './service';

export function directLineCaller(request: Request): Promise<DirectLineCaller> {
  return authenticate(directLineKeys(), request.headers.get('authorization'));
}
