/**
 * Emoji and emoticons carry much of a short comment's meaning ("😍😍", "👎", ":(") and are
 * kept as tokens. Each is also mapped to a coarse group, so the models generalise from the
 * emoji seen in training to their rarer siblings (💖 behaves like ❤️).
 */
export type EmojiGroup = 'love' | 'joy' | 'approval' | 'sad' | 'anger' | 'surprise' | 'doubt' | 'money' | 'pointer';

const GROUP_MEMBERS: Record<EmojiGroup, string> = {
  love: '❤😍🥰😘💕💖💗💓💞💘💝💜💙💚💛🧡🤍🖤♥😻🫶💋',
  joy: '😀😃😄😁😆😊🙂☺😂🤣😹🥳🤩😎😇😅😉😋🎉',
  approval: '👍👌👏🙌💯🔥✨⭐🌟💪✅🏆🤤🆒🔝',
  sad: '😢😭😞😔😟🙁☹😕😩😫💔🥺😥😓',
  anger: '😡😠🤬👎🤮🤢💩😤🙄😒❌🚫🤦',
  surprise: '😮😲😱🤯😳😯',
  doubt: '🤔❓❔🧐🤷',
  money: '💰💵💸🤑💲',
  pointer: '👉👈👇⬇➡🔗📲📩📥🔽',
};

const GROUP_OF = new Map<string, EmojiGroup>();
for (const [group, members] of Object.entries(GROUP_MEMBERS) as Array<[EmojiGroup, string]>) {
  for (const emoji of members) GROUP_OF.set(emoji, group);
}

const EMOTICON_GROUP: Record<string, EmojiGroup> = {
  ':)': 'joy',
  ':-)': 'joy',
  ':]': 'joy',
  '=)': 'joy',
  ':d': 'joy',
  ':-d': 'joy',
  xd: 'joy',
  ';)': 'joy',
  ';-)': 'joy',
  ':p': 'joy',
  ':-p': 'joy',
  ';p': 'joy',
  '<3': 'love',
  ':*': 'love',
  ':(': 'sad',
  ':-(': 'sad',
  ":'(": 'sad',
  '</3': 'sad',
  ':/': 'doubt',
  ':-/': 'doubt',
  ':o': 'surprise',
  ':-o': 'surprise',
  ':|': 'doubt',
  '>:(': 'anger',
};

/** One pictograph or flag, with its skin-tone modifiers, variation selectors and ZWJ sequences. */
export const EMOJI_PATTERN =
  /(?:\p{Regional_Indicator}{2}|\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})*(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})*)*)/gu;

/** Emoticons as people type them; the text has been lower-cased already. */
export const EMOTICON_PATTERN = /(?<![\p{L}\p{N}])(?:>:\(|<\/3|<3|[:;=][-']?[)(\]dp*/|o]|x+d+)(?![\p{L}\p{N}])/gu;

/** The emoji without skin tone or presentation selectors: 👍🏽 and 👍 are one signal. */
export const baseEmoji = (emoji: string): string => emoji.replace(/\uFE0F|[\u{1F3FB}-\u{1F3FF}]/gu, '');

export const emojiGroup = (emoji: string): EmojiGroup | undefined => GROUP_OF.get(Array.from(baseEmoji(emoji))[0] ?? '');

/** "xddd" and ":-D" fold to the key of their group. */
export function emoticonGroup(emoticon: string): EmojiGroup | undefined {
  const key = /^x+d+$/.test(emoticon) ? 'xd' : emoticon;
  return EMOTICON_GROUP[key];
}
