/**
 * English names of the office calendar's holidays (rules/data/tw-office-calendar.csv names them in
 * zh-TW only), for `--lang en`. The English follows the government's own English calendar and the
 * usual English names of the festivals. Every name the CSV uses must be here: a test reads the CSV
 * and fails on a name without an English form (so a new year's data cannot slip through untranslated).
 */
export const HOLIDAY_NAMES_EN: Readonly<Record<string, string>> = {
  開國紀念日: 'Founding Day of the ROC',
  小年夜: 'Day before Lunar New Year’s Eve',
  農曆除夕: 'Lunar New Year’s Eve',
  春節: 'Lunar New Year',
  補假: 'Make-up day off',
  補行上班: 'Make-up working day',
  和平紀念日: 'Peace Memorial Day',
  兒童節: 'Children’s Day',
  清明節: 'Tomb Sweeping Day',
  兒童節及民族掃墓節: 'Children’s Day and Tomb Sweeping Day',
  勞動節: 'Labour Day',
  端午節: 'Dragon Boat Festival',
  中秋節: 'Mid-Autumn Festival',
  孔子誕辰紀念日: 'Confucius’ Birthday',
  '孔子誕辰紀念日/教師節': 'Confucius’ Birthday / Teachers’ Day',
  國慶日: 'National Day',
  臺灣光復暨金門古寧頭大捷紀念日: 'Taiwan Retrocession and Guningtou Victory Memorial Day',
  行憲紀念日: 'Constitution Day',
};
