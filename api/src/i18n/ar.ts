// بطاقة الجهة المنظِّمة بالعربية (المفاتيح والمتغيرات كما في en.ts، والجمع بفئاته العربية الست).
import type { CardCatalogue } from './en.js';

const ar: CardCatalogue = {
  'card.title': 'ملخص الشمول جاهز',
  'card.intro': 'شكرًا على إدارة الاجتماع. هذه نظرة سريعة على توزّع الحديث.',
  'card.introProtected':
    'شكرًا على إدارة الاجتماع. كانت المجموعة صغيرة، لذا تبقى الأرقام في الملخص الذي لا تفتحه إلا الجهة المنظِّمة.',
  'card.whoSpoke': 'من تحدّث',
  'card.whoSpoke.meeting':
    '{speakers, number} من أصل {participants, plural, zero {لا أحد} one {شخص واحد} two {شخصين} few {# أشخاص} many {# شخصًا} other {# شخص}} في الاجتماع',
  'card.whoSpoke.roundtable':
    '{speakers, number} من أصل {participants, plural, zero {لا أحد} one {شخص واحد} two {شخصين} few {# أشخاص} many {# شخصًا} other {# شخص}} فتحوا Roundtable',
  'card.balance': 'توازن وقت الحديث',
  'card.balance.none': 'لم يُقَس: لا أدوار في القائمة',
  'card.queue': 'قائمة المتحدثين',
  'card.queue.none': 'لم يبقَ أحد في الانتظار',
  'card.queue.waiting':
    '{entries, plural, zero {لا مشاركات} one {مشاركة واحدة} two {مشاركتان} few {# مشاركات} many {# مشاركة} other {# مشاركة}} بقيت في الانتظار عند النهاية',
  'card.feltHeard': 'الشعور بأن الصوت مسموع',
  'card.feltHeard.value':
    '{mean} من 5 ({answers, plural, zero {لا إجابات} one {إجابة واحدة} two {إجابتان} few {# إجابات} many {# إجابة} other {# إجابة}})',
  'card.footnote': 'يُقاس وقت الحديث من أدوار القائمة، لا من الميكروفونات.',
  'card.open': 'فتح الملخص',
};

export default ar;
