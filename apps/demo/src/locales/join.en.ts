// The join page's English texts: loaded with /join, not in the first download.
// Same syntax as en.ts; join.ru.ts must translate every id.
export default {
  'join.title': 'Join the affiliate program',
  'join.checking': 'Checking the link…',
  'join.invalid': 'This referral link is not valid: “{referrer}” is not an address.',
  'join.invalid.hint': 'Ask the person who invited you for their link again, and open it whole.',
  'join.otherNetwork': 'This referral link is for another network (its address is not on network {chain}).',
  'join.otherNetwork.hint': 'Ask for a link to this program on network {chain}.',
  'join.unregistered': '{referrer} has not joined the program, so they cannot invite yet.',
  'join.unregistered.hint': 'Ask them to join first, or ask someone who is in the program for a link.',
  'join.invites': '{referrer} invites you.',
  'join.pitch':
    'Members earn from the payments of the people they invite, down to three levels, and get cashback on their own payments.',
  'join.loginFirst': 'Log in with your wallet to join.',
  'join.pow': 'Joining needs a short proof of work (about {count} attempt) so that nobody can create members in bulk. | Joining needs a short proof of work (about {count} attempts) so that nobody can create members in bulk.',
  'join.cancel': 'Cancel',
  'join.mining': 'Proof of work',
  'join.progress': '{count} attempt · {rate}/s · about {eta} left | {count} attempts · {rate}/s · about {eta} left',
  'join.progressLong': '{count} attempt · {rate}/s · taking longer than average | {count} attempts · {rate}/s · taking longer than average',
  'join.cancelled': 'Cancelled after {count} attempt. Nothing was sent. | Cancelled after {count} attempts. Nothing was sent.',
  'join.signing': 'Confirm the transaction in your wallet.',
  'join.waiting': 'Sent. Waiting for the block with transaction {id}…',
  'join.welcome': 'Welcome! You joined under {referrer}.',
  'join.already': 'You are already in the program (your referrer: {referrer}).',
  'join.alreadyRoot': 'You are the program’s root: you invite, you do not join.',
  'join.self': 'This is your own link: share it with others instead.',
}
