// Words the load data is made of. Searches in the scale benchmark rely on what is (and is not) here:
// SEARCH_TERMS must stay true of these lists.

export const FIRST_NAMES = [
  'Aisha', 'Alejandro', 'Amara', 'Anders', 'Aniket', 'Beatriz', 'Bogdan', 'Camille', 'Carlos', 'Chen',
  'Chiara', 'Dario', 'Deepa', 'Dmitri', 'Elena', 'Emeka', 'Emma', 'Fatima', 'Felix', 'Freya',
  'Gabriel', 'Giulia', 'Hana', 'Hassan', 'Ingrid', 'Isaac', 'Jamal', 'Javier', 'Jin', 'Julia',
  'Kai', 'Kamala', 'Karin', 'Kenji', 'Lars', 'Layla', 'Leon', 'Lucia', 'Mai', 'Malik',
  'Marta', 'Mateo', 'Mei', 'Mohammed', 'Nadia', 'Nia', 'Noah', 'Olga', 'Omar', 'Oskar',
  'Paola', 'Pedro', 'Priya', 'Rafael', 'Rania', 'Ravi', 'Rosa', 'Ruth', 'Sakura', 'Samir',
  'Sara', 'Sebastian', 'Sofia', 'Sven', 'Tariq', 'Tomas', 'Valentina', 'Victor', 'Wei', 'Yara',
  'Yusuf', 'Zara', 'Zoe', 'Ahmed', 'Bianca', 'Daniel', 'Eva', 'Hugo', 'Ivan', 'Lena',
];

export const LAST_NAMES = [
  'Abbott', 'Adeyemi', 'Almeida', 'Andersson', 'Bauer', 'Bianchi', 'Brown', 'Castillo', 'Chowdhury', 'Costa',
  'Dubois', 'Eriksen', 'Fernandez', 'Fischer', 'Garcia', 'Gupta', 'Haddad', 'Hansen', 'Hernandez', 'Ivanova',
  'Jensen', 'Kaur', 'Kim', 'Kowalski', 'Kumar', 'Larsen', 'Lee', 'Lopez', 'Martin', 'Moreau',
  'Muller', 'Nakamura', 'Nguyen', 'Novak', 'Okafor', 'Oliveira', 'Patel', 'Petrov', 'Popescu', 'Rahman',
  'Reyes', 'Rossi', 'Santos', 'Sato', 'Schmidt', 'Silva', 'Singh', 'Smith', 'Suzuki', 'Tanaka',
  'Torres', 'Vargas', 'Wagner', 'Wang', 'Weber', 'Williams', 'Wong', 'Yamamoto', 'Yilmaz', 'Zhang',
];

/** Roughly in order of how often they come up: the generator picks early words more often. */
export const WORDS = [
  'the', 'my', 'i', 'to', 'is', 'it', 'a', 'and', 'for', 'please', 'order', 'you', 'can', 'not', 'help',
  'thanks', 'with', 'on', 'have', 'was', 'this', 'account', 'hello', 'hi', 'still', 'when', 'will', 'yes',
  'payment', 'delivery', 'refund', 'package', 'card', 'number', 'email', 'password', 'login', 'app',
  'update', 'problem', 'working', 'received', 'today', 'yesterday', 'week', 'status', 'tracking', 'address',
  'change', 'cancel', 'subscription', 'plan', 'price', 'charge', 'charged', 'twice', 'invoice', 'receipt',
  'shipping', 'late', 'damaged', 'missing', 'item', 'wrong', 'size', 'colour', 'return', 'exchange',
  'store', 'online', 'website', 'error', 'message', 'screen', 'phone', 'laptop', 'router', 'internet',
  'connection', 'slow', 'reset', 'code', 'verification', 'sms', 'bank', 'transfer', 'balance', 'discount',
  'voucher', 'coupon', 'points', 'loyalty', 'member', 'upgrade', 'downgrade', 'contract', 'warranty', 'repair',
  'technician', 'appointment', 'schedule', 'morning', 'afternoon', 'evening', 'tomorrow', 'monday', 'friday', 'weekend',
  'manager', 'complaint', 'feedback', 'survey', 'agent', 'waiting', 'hours', 'minutes', 'days', 'urgent',
  'battery', 'charger', 'cable', 'screenshot', 'attached', 'photo', 'label', 'courier', 'warehouse', 'customs',
  'quote', 'billing', 'statement', 'overdue', 'reminder', 'fee', 'interest', 'credit', 'debit', 'paypal',
  'installation', 'setup', 'settings', 'profile', 'notification', 'notifications', 'unsubscribe', 'newsletter', 'privacy', 'data',
  'delete', 'export', 'download', 'upload', 'file', 'document', 'signature', 'identity', 'passport', 'licence',
  'flight', 'booking', 'reservation', 'seat', 'luggage', 'hotel', 'room', 'checkin', 'checkout', 'itinerary',
  'insurance', 'claim', 'policy', 'premium', 'coverage', 'accident', 'glass', 'windscreen', 'roadside', 'tow',
  'printer', 'ink', 'toner', 'scanner', 'firmware', 'bluetooth', 'wifi', 'modem', 'outage', 'fibre',
  'thermostat', 'heating', 'boiler', 'meter', 'reading', 'tariff', 'solar', 'panel', 'smart', 'speaker',
];

/**
 * Search terms the benchmark uses. Hits are in the lists above (a surname, a mid-frequency word of
 * the messages); misses are in none of them, nor in any generated identifier.
 */
export const SEARCH_TERMS = {
  nameHit: 'Nakamura',
  nameMiss: 'Quackenbush',
  textHit: 'windscreen',
  textMiss: 'zeppelin',
} as const;
