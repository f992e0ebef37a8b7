// Files a Direct Line client names in an activity: by URL (`contentUrl` http(s)) or inline as a
// data URI. Uploads (`/upload`) are stored before their activity and do not come through here.
import { splitAttachments, urlOrDataUri, type ChannelMedia } from '../media-shape';

export const directLineMedia: ChannelMedia = (activity) => splitAttachments(activity, urlOrDataUri);
