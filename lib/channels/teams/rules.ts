// What Microsoft Teams accepts from a bot (seed 004, PROTOCOLS.md §6), checked before anything is
// queued so the rep gets a clear reason instead of a failed delivery.
import { imageSize } from 'image-size';
import { badRequest } from '../../errors/app-error';
import type { CardAction } from '../../protocol/rich-content';
import { TEAMS_IMAGE_MAX_BYTES } from '../../shared/upload-limits';

export { TEAMS_IMAGE_MAX_BYTES };
export const TEAMS_IMAGE_MAX_SIDE = 1024;
export const TEAMS_MAX_SUGGESTED_ACTIONS = 6;

export interface OutgoingFile {
  name: string | null;
  contentType: string;
  bytes: Uint8Array;
}

/** An animated GIF carries a graphic control extension (0x21 0xF9 0x04) per frame. */
export function isAnimatedGif(bytes: Uint8Array): boolean {
  let frames = 0;
  for (let i = 0; i + 2 < bytes.length; i++) {
    if (bytes[i] === 0x21 && bytes[i + 1] === 0xf9 && bytes[i + 2] === 0x04 && ++frames > 1) return true;
  }
  return false;
}

function refuse(message: string): never {
  throw badRequest('NotAcceptedByTeams', message);
}

export function checkTeamsMessage(input: {
  conversationType: string | null;
  files: OutgoingFile[];
  suggestedActions: CardAction[];
}): void {
  for (const file of input.files) {
    const label = file.name ?? 'The file';
    if (!/^image\/(png|jpeg|gif)$/.test(file.contentType)) refuse(`${label}: Teams takes only PNG, JPEG or GIF images from the console.`);
    if (file.bytes.length > TEAMS_IMAGE_MAX_BYTES) refuse(`${label} is larger than 1 MB, the most Teams shows.`);
    let size: { width?: number; height?: number };
    try {
      size = imageSize(file.bytes);
    } catch {
      refuse(`${label} is not a readable image.`);
    }
    if ((size.width ?? 0) > TEAMS_IMAGE_MAX_SIDE || (size.height ?? 0) > TEAMS_IMAGE_MAX_SIDE) {
      refuse(`${label} is ${size.width}×${size.height}; Teams shows images up to 1024×1024.`);
    }
    if (file.contentType === 'image/gif' && isAnimatedGif(file.bytes)) refuse(`${label} is an animated GIF, which Teams does not show.`);
  }
  const actions = input.suggestedActions;
  if (actions.length === 0) return;
  if (input.conversationType && input.conversationType !== 'personal') refuse('Teams shows suggested replies only in one-to-one chats.');
  if (actions.some((action) => action.type !== 'imBack')) refuse('Teams takes only imBack suggested replies.');
  if (actions.length > TEAMS_MAX_SUGGESTED_ACTIONS) refuse(`Teams shows at most ${TEAMS_MAX_SUGGESTED_ACTIONS} suggested replies.`);
  // A card may carry them (Teams shows them under it); a picture or a file may not.
  if (input.files.length > 0) refuse('Teams does not show suggested replies together with files or pictures.');
}
