<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Viber Desktop Composer</source>
        <translation>Про Viber Desktop Composer</translation>
    </message>
    <message>
        <source>Settings and profiles</source>
        <translation>Налаштування й профілі</translation>
    </message>
    <message>
        <source>History, drafts, templates</source>
        <translation>Історія, чернетки, шаблони</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>Кеш</translation>
    </message>
    <message>
        <source>Compose, check and send Viber bot messages. MIT licence.</source>
        <translation>Створюйте, перевіряйте й надсилайте повідомлення ботів Viber. Ліцензія MIT.</translation>
    </message>
    <message>
        <source>Built on</source>
        <translation>Створено на основі</translation>
    </message>
    <message>
        <source>Where it keeps your files</source>
        <translation>Де зберігаються ваші файли</translation>
    </message>
    <message>
        <source>Bot tokens</source>
        <translation>Токени ботів</translation>
    </message>
    <message>
        <source>system keyring, service {service}</source>
        <translation>системне сховище ключів, служба {service}</translation>
    </message>
</context>
<context>
    <name>BookDialog</name>
    <message>
        <source>Receivers of “{profile}”</source>
        <translation>Одержувачі профілю «{profile}»</translation>
    </message>
    <message>
        <source>Show receivers</source>
        <translation>Показати одержувачів</translation>
    </message>
    <message>
        <source>Find by label, ID or tag</source>
        <translation>Пошук за назвою, ID або тегом</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>П&amp;оказати:</translation>
    </message>
    <message>
        <source>Receivers</source>
        <translation>Одержувачі</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Додати…</translation>
    </message>
    <message>
        <source>Add from &amp;message…</source>
        <translation>Додати з &amp;повідомлення…</translation>
    </message>
    <message>
        <source>Add the receiver now in the message&apos;s Receiver field</source>
        <translation>Додати одержувача, вказаного зараз у полі «Одержувач» повідомлення</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Змінити…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Вилучити…</translation>
    </message>
    <message>
        <source>&amp;Look up…</source>
        <translation>Переві&amp;рити…</translation>
    </message>
    <message>
        <source>Who is &amp;online?</source>
        <translation>Хто в &amp;мережі?</translation>
    </message>
    <message>
        <source>Asks Viber about the selected receivers (or all shown), at most {n}</source>
        <translation>Запитує Viber про вибраних одержувачів (або всіх показаних), не більше ніж {n}</translation>
    </message>
    <message>
        <source>Add to lis&amp;t…</source>
        <translation>Додати до &amp;списку…</translation>
    </message>
    <message>
        <source>Take o&amp;ff this list</source>
        <translation>Прибрати зі сп&amp;иску</translation>
    </message>
    <message>
        <source>&amp;Delete this list…</source>
        <translation>Видалити &amp;цей список…</translation>
    </message>
    <message>
        <source>&amp;Send message to list…</source>
        <translation>&amp;Надіслати списку…</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Імпорт CSV…</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>&amp;Експорт CSV…</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Що сталося</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>За&amp;крити</translation>
    </message>
    <message>
        <source>All receivers ({count})</source>
        <translation>Усі одержувачі ({count})</translation>
    </message>
    <message>
        <source>List “{name}” ({count})</source>
        <translation>Список «{name}» ({count})</translation>
    </message>
    <message>
        <source>never</source>
        <translation>ніколи</translation>
    </message>
    <message>
        <source>last seen {age}</source>
        <translation>востаннє в мережі {age}</translation>
    </message>
    <message>
        <source>Added {who}.</source>
        <translation>Додано: {who}.</translation>
    </message>
    <message>
        <source>Saved {who}.</source>
        <translation>Збережено: {who}.</translation>
    </message>
    <message>
        <source>Remove receivers</source>
        <translation>Вилучити одержувачів</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n receiver(s) from the book of “{profile}”: {names}?

They are taken off every test list too. The send history keeps their sends.</source>
        <translation>
            <numerusform>Вилучити %n одержувача з книги профілю «{profile}»: {names}?

Його також буде прибрано з усіх тестових списків. Історія надсилань зберігає надіслані йому повідомлення.</numerusform>
            <numerusform>Вилучити %n одержувачі з книги профілю «{profile}»: {names}?

Їх також буде прибрано з усіх тестових списків. Історія надсилань зберігає надіслані їм повідомлення.</numerusform>
            <numerusform>Вилучити %n одержувачів з книги профілю «{profile}»: {names}?

Їх також буде прибрано з усіх тестових списків. Історія надсилань зберігає надіслані їм повідомлення.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n receiver(s).</source>
        <translation>
            <numerusform>Вилучено %n одержувача.</numerusform>
            <numerusform>Вилучено %n одержувачі.</numerusform>
            <numerusform>Вилучено %n одержувачів.</numerusform>
        </translation>
    </message>
    <message>
        <source>Add to a test list</source>
        <translation>Додати до тестового списку</translation>
    </message>
    <message>
        <source>Test list (choose one, or type a new name):</source>
        <translation>Тестовий список (виберіть наявний або введіть нову назву):</translation>
    </message>
    <message numerus="yes">
        <source>Added %n receiver(s) to the list “{name}”.</source>
        <translation>
            <numerusform>Додано %n одержувача до списку «{name}».</numerusform>
            <numerusform>Додано %n одержувачі до списку «{name}».</numerusform>
            <numerusform>Додано %n одержувачів до списку «{name}».</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Took %n receiver(s) off the list “{name}”.</source>
        <translation>
            <numerusform>Прибрано %n одержувача зі списку «{name}».</numerusform>
            <numerusform>Прибрано %n одержувачі зі списку «{name}».</numerusform>
            <numerusform>Прибрано %n одержувачів зі списку «{name}».</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete list</source>
        <translation>Видалити список</translation>
    </message>
    <message>
        <source>Delete the test list “{name}”? Its receivers stay in the book.</source>
        <translation>Видалити тестовий список «{name}»? Його одержувачі залишаться в книзі.</translation>
    </message>
    <message>
        <source>Deleted the list “{name}”; its receivers stay in the book.</source>
        <translation>Список «{name}» видалено; його одержувачі залишилися в книзі.</translation>
    </message>
    <message>
        <source>Send to a test list</source>
        <translation>Надіслати тестовому списку</translation>
    </message>
    <message>
        <source>Test list:</source>
        <translation>Тестовий список:</translation>
    </message>
    <message numerus="yes">
        <source>Viber told the online state of %n receiver(s) at {time}.</source>
        <translation>
            <numerusform>Viber повідомив, чи в мережі %n одержувач, о {time}.</numerusform>
            <numerusform>Viber повідомив, чи в мережі %n одержувачі, о {time}.</numerusform>
            <numerusform>Viber повідомив, чи в мережі %n одержувачів, о {time}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Viber answers about at most {most} at once: {left} were not asked; select them and ask again.</source>
        <translation>Viber відповідає щонайбільше про {most} одержувачів за раз. Не запитано: {left}; виберіть їх і запитайте ще раз.</translation>
    </message>
    <message>
        <source>Asking Viber who is online…</source>
        <translation>Запитуємо Viber, хто в мережі…</translation>
    </message>
    <message>
        <source>Import receivers</source>
        <translation>Імпорт одержувачів</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Файли CSV (*.csv);;Усі файли (*)</translation>
    </message>
    <message>
        <source>Imported {file}: {added} added, {updated} updated.</source>
        <translation>Імпортовано {file}: додано {added}, оновлено {updated}.</translation>
    </message>
    <message>
        <source>{count} row(s) skipped: {first}</source>
        <translation>Пропущено рядків: {count}. Перший: {first}</translation>
    </message>
    <message>
        <source>Export receivers</source>
        <translation>Експорт одержувачів</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файли CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n receiver(s) to {file}.</source>
        <translation>
            <numerusform>Записано %n одержувача у {file}.</numerusform>
            <numerusform>Записано %n одержувачі у {file}.</numerusform>
            <numerusform>Записано %n одержувачів у {file}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Назва</translation>
    </message>
    <message>
        <source>Receiver ID</source>
        <translation>ID одержувача</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Теги</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Списки</translation>
    </message>
    <message>
        <source>API level</source>
        <translation>Рівень API</translation>
    </message>
    <message>
        <source>Looked up</source>
        <translation>Перевірено</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>У мережі</translation>
    </message>
</context>
<context>
    <name>BoolCombo</name>
    <message>
        <source>(default: yes)</source>
        <translation>(типово: так)</translation>
    </message>
    <message>
        <source>(default: no)</source>
        <translation>(типово: ні)</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(типово)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Так</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Ні</translation>
    </message>
</context>
<context>
    <name>Bubble</name>
    <message>
        <source>(keyboard only: no message bubble)</source>
        <translation>(лише клавіатура: без бульбашки повідомлення)</translation>
    </message>
    <message>
        <source>(nothing to preview for type {type})</source>
        <translation>(для типу {type} немає попереднього перегляду)</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Текст повідомлення</translation>
    </message>
    <message numerus="yes">
        <source>… and {more} more character(s), not shown: Viber takes {limit} at most.</source>
        <translation>
            <numerusform>… і ще {more} символ не показано: Viber приймає щонайбільше {limit}.</numerusform>
            <numerusform>… і ще {more} символи не показано: Viber приймає щонайбільше {limit}.</numerusform>
            <numerusform>… і ще {more} символів не показано: Viber приймає щонайбільше {limit}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Зображення</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Відео</translation>
    </message>
    <message>
        <source>file</source>
        <translation>файл</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(без назви)</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Геопозиція</translation>
    </message>
    <message>
        <source>Link preview: Viber fills it from the page</source>
        <translation>Попередній перегляд посилання: Viber заповнить його зі сторінки</translation>
    </message>
    <message>
        <source>Sticker {id}</source>
        <translation>Стікер {id}</translation>
    </message>
</context>
<context>
    <name>ButtonEditor</name>
    <message>
        <source>+ Button</source>
        <translation>+ Кнопка</translation>
    </message>
    <message>
        <source>Add a button at the end of this card (Insert in the grid)</source>
        <translation>Додати кнопку в кінець цієї картки (Insert у сітці)</translation>
    </message>
    <message>
        <source>+ Card</source>
        <translation>+ Картка</translation>
    </message>
    <message>
        <source>Add a card after this one</source>
        <translation>Додати картку після цієї</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Дублювати</translation>
    </message>
    <message>
        <source>Duplicate the button (Ctrl+D in the grid)</source>
        <translation>Дублювати кнопку (Ctrl+D у сітці)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Видалити</translation>
    </message>
    <message>
        <source>Delete the button (Delete in the grid)</source>
        <translation>Видалити кнопку (Delete у сітці)</translation>
    </message>
    <message>
        <source>◀ Move</source>
        <translation>◀ Зсунути</translation>
    </message>
    <message>
        <source>Move the button left (Alt+Left in the grid)</source>
        <translation>Зсунути кнопку ліворуч (Alt+Left у сітці)</translation>
    </message>
    <message>
        <source>Move ▶</source>
        <translation>Зсунути ▶</translation>
    </message>
    <message>
        <source>Move the button right (Alt+Right in the grid)</source>
        <translation>Зсунути кнопку праворуч (Alt+Right у сітці)</translation>
    </message>
    <message>
        <source>Move left</source>
        <translation>Зсунути ліворуч</translation>
    </message>
    <message>
        <source>Move right</source>
        <translation>Зсунути праворуч</translation>
    </message>
    <message>
        <source>Button {number}</source>
        <translation>Кнопка {number}</translation>
    </message>
    <message>
        <source>Card {card} is full. Make a button on it smaller, or add a card.</source>
        <translation>Картка {card} заповнена. Зменште на ній кнопку або додайте картку.</translation>
    </message>
    <message>
        <source>Add a button</source>
        <translation>Додати кнопку</translation>
    </message>
    <message>
        <source>New card</source>
        <translation>Нова картка</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Докладніше</translation>
    </message>
    <message>
        <source>Add a card</source>
        <translation>Додати картку</translation>
    </message>
    <message>
        <source>Duplicate a button</source>
        <translation>Дублювати кнопку</translation>
    </message>
    <message>
        <source>Delete a button</source>
        <translation>Видалити кнопку</translation>
    </message>
    <message>
        <source>Move a button</source>
        <translation>Перемістити кнопку</translation>
    </message>
    <message>
        <source>Resize a button</source>
        <translation>Змінити розмір кнопки</translation>
    </message>
    <message>
        <source>Button {number} of {count}, card {card}</source>
        <translation>Кнопка {number} з {count}, картка {card}</translation>
    </message>
    <message>
        <source>Button {number} of {count}</source>
        <translation>Кнопка {number} з {count}</translation>
    </message>
    <message>
        <source>{cards} cards: a carousel holds at most {limit}. Remove buttons or make them smaller until the red cards are gone.</source>
        <translation>Карток: {cards}, а карусель вміщує щонайбільше {limit}. Вилучіть кнопки або зменште їх, доки не зникнуть червоні картки.</translation>
    </message>
    <message>
        <source>Button {number} is bigger than the grid (red outline): make it smaller.</source>
        <translation>Кнопка {number} більша за сітку (червона рамка): зменште її.</translation>
    </message>
    <message>
        <source>Buttons {numbers} are bigger than the grid (red outline): make them smaller.</source>
        <translation>Кнопки {numbers} більші за сітку (червона рамка): зменште їх.</translation>
    </message>
</context>
<context>
    <name>ButtonForm</name>
    <message>
        <source>Choose {field}</source>
        <translation>Вибрати {field}</translation>
    </message>
</context>
<context>
    <name>ButtonGridView</name>
    <message>
        <source>Button layout</source>
        <translation>Розташування кнопок</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s)</source>
        <translation>
            <numerusform>%n картка</numerusform>
            <numerusform>%n картки</numerusform>
            <numerusform>%n карток</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ButtonPanel</name>
    <message>
        <source>Picture thumbnail</source>
        <translation>Мініатюра зображення</translation>
    </message>
    <message>
        <source>Needs min_api_version {level}.</source>
        <translation>Потрібна min_api_version {level}.</translation>
    </message>
    <message>
        <source>Advanced: {count} more fields</source>
        <translation>Додатково: ще полів — {count}</translation>
    </message>
    <message>
        <source>Reply message *</source>
        <translation>Повідомлення боту *</translation>
    </message>
    <message>
        <source>No button chosen</source>
        <translation>Кнопку не вибрано</translation>
    </message>
    <message>
        <source>what the bot receives</source>
        <translation>що отримає бот</translation>
    </message>
    <message>
        <source>URL *</source>
        <translation>URL *</translation>
    </message>
    <message>
        <source>A tap opens this page (in Viber&apos;s own browser unless Advanced says otherwise).</source>
        <translation>Натискання відкриває цю сторінку (у власному браузері Viber, якщо в «Додатково» не вказано інше).</translation>
    </message>
    <message>
        <source>Action body *</source>
        <translation>Тіло дії *</translation>
    </message>
    <message>
        <source>A tap does nothing; Viber still needs some text here.</source>
        <translation>Натискання нічого не робить; Viber усе одно потребує тут якийсь текст.</translation>
    </message>
    <message>
        <source>A tap asks the user to share their phone number; your bot receives it as a contact message.</source>
        <translation>Натискання просить користувача поділитися номером телефону; ваш бот отримає його як повідомлення-контакт.</translation>
    </message>
    <message>
        <source>A tap opens Viber&apos;s location picker; your bot receives the chosen place as a location message.</source>
        <translation>Натискання відкриває у Viber вибір місця; ваш бот отримає вибране місце як повідомлення з геопозицією.</translation>
    </message>
    <message>
        <source>A tap sends this text to your bot as the user&apos;s message.</source>
        <translation>Натискання надсилає цей текст вашому боту як повідомлення користувача.</translation>
    </message>
    <message>
        <source>What a tap does with this action: see Viber&apos;s documentation.</source>
        <translation>Що робить натискання з цією дією, див. у документації Viber.</translation>
    </message>
    <message>
        <source>Loading the picture…</source>
        <translation>Завантаження зображення…</translation>
    </message>
    <message>
        <source>Picture not loaded: {reason}</source>
        <translation>Зображення не завантажено: {reason}</translation>
    </message>
    <message>
        <source>{width} × {height} px</source>
        <translation>{width} × {height} пікс.</translation>
    </message>
</context>
<context>
    <name>ButtonSpecs</name>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>Зображення</translation>
    </message>
    <message>
        <source>Tap</source>
        <translation>Натискання</translation>
    </message>
    <message>
        <source>Internal browser</source>
        <translation>Вбудований браузер</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Карта</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>Рамка</translation>
    </message>
    <message>
        <source>Media player</source>
        <translation>Медіаплеєр</translation>
    </message>
    <message>
        <source>&lt;b&gt;Buy&lt;/b&gt; now (HTML: b, i, u, br, font color)</source>
        <translation>&lt;b&gt;Купуйте&lt;/b&gt; зараз (HTML: b, i, u, br, font color)</translation>
    </message>
    <message>
        <source>reply text, or a URL for open-url</source>
        <translation>текст відповіді або URL для open-url</translation>
    </message>
    <message>
        <source>https://…/icon.png</source>
        <translation>https://…/icon.png</translation>
    </message>
    <message>
        <source>https://…/photo.jpg</source>
        <translation>https://…/photo.jpg</translation>
    </message>
    <message>
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <source>https://…/thumb.jpg</source>
        <translation>https://…/thumb.jpg</translation>
    </message>
    <message>
        <source>top, left, bottom, right: {range}</source>
        <translation>зверху, зліва, знизу, справа: {range}</translation>
    </message>
    <message>
        <source>On tap</source>
        <translation>Дія натискання</translation>
    </message>
    <message>
        <source>Action body</source>
        <translation>Тіло дії</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Стовпці</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Рядки</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Тло</translation>
    </message>
    <message>
        <source>Image URL</source>
        <translation>URL зображення</translation>
    </message>
    <message>
        <source>Background picture</source>
        <translation>Фонове зображення</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Розмір тексту</translation>
    </message>
    <message>
        <source>Horizontal align</source>
        <translation>Текст по горизонталі</translation>
    </message>
    <message>
        <source>Vertical align</source>
        <translation>Текст по вертикалі</translation>
    </message>
    <message>
        <source>Text opacity (%)</source>
        <translation>Непрозорість тексту (%)</translation>
    </message>
    <message>
        <source>Text paddings</source>
        <translation>Відступи тексту</translation>
    </message>
    <message>
        <source>Shrink text to fit</source>
        <translation>Вміщати текст</translation>
    </message>
    <message>
        <source>Text gradient</source>
        <translation>Градієнт тексту</translation>
    </message>
    <message>
        <source>Background kind</source>
        <translation>Тип тла</translation>
    </message>
    <message>
        <source>Background scaling</source>
        <translation>Масштаб тла</translation>
    </message>
    <message>
        <source>Loop GIF background</source>
        <translation>Повтор GIF-тла</translation>
    </message>
    <message>
        <source>Image scaling</source>
        <translation>Масштаб зображення</translation>
    </message>
    <message>
        <source>Silent</source>
        <translation>Тихо</translation>
    </message>
    <message>
        <source>Open URL in</source>
        <translation>Відкривати URL у</translation>
    </message>
    <message>
        <source>Open URL as</source>
        <translation>Відкривати URL як</translation>
    </message>
    <message>
        <source>Action button</source>
        <translation>Кнопка дії</translation>
    </message>
    <message>
        <source>Shared URL</source>
        <translation>URL для поширення</translation>
    </message>
    <message>
        <source>Title shows</source>
        <translation>Заголовок показує</translation>
    </message>
    <message>
        <source>Custom title</source>
        <translation>Власний заголовок</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Розмір</translation>
    </message>
    <message>
        <source>Footer</source>
        <translation>Нижня панель</translation>
    </message>
    <message>
        <source>Reply data</source>
        <translation>Дані відповіді</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Широта</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Довгота</translation>
    </message>
    <message>
        <source>Border width (px)</source>
        <translation>Товщина рамки (пікс.)</translation>
    </message>
    <message>
        <source>Corner radius (px)</source>
        <translation>Радіус кутів (пікс.)</translation>
    </message>
    <message>
        <source>Border colour</source>
        <translation>Колір рамки</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <source>Subtitle</source>
        <translation>Підзаголовок</translation>
    </message>
    <message>
        <source>Thumbnail URL</source>
        <translation>URL мініатюри</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>Повторювати</translation>
    </message>
</context>
<context>
    <name>Carousel</name>
    <message>
        <source>Scroll the cards</source>
        <translation>Гортати картки</translation>
    </message>
</context>
<context>
    <name>CarouselCards</name>
    <message>
        <source>Rich media cards</source>
        <translation>Картки rich media</translation>
    </message>
</context>
<context>
    <name>ChatPreview</name>
    <message>
        <source>Chat preview</source>
        <translation>Попередній перегляд чату</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>Комп&apos;ютер</translation>
    </message>
    <message>
        <source>Show the chat as wide as this pane</source>
        <translation>Показати чат на всю ширину цієї панелі</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Show the chat on a phone screen {width} pixels wide</source>
        <translation>Показати чат на екрані телефона завширшки {width} пікселів</translation>
    </message>
    <message>
        <source>Sender avatar</source>
        <translation>Аватар відправника</translation>
    </message>
    <message>
        <source>(no sender name)</source>
        <translation>(без імені відправника)</translation>
    </message>
</context>
<context>
    <name>ColorField</name>
    <message>
        <source>Choose a colour (Alt+Down in the field)</source>
        <translation>Вибрати колір (Alt+Down у полі)</translation>
    </message>
    <message>
        <source>Choose {name}</source>
        <translation>Вибрати {name}</translation>
    </message>
    <message>
        <source>Choose a colour</source>
        <translation>Вибрати колір</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Колір</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare #{first} and #{second}</source>
        <translation>Порівняння №{first} і №{second}</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>Відмінності</translation>
    </message>
</context>
<context>
    <name>ComposerWidget</name>
    <message>
        <source>Message</source>
        <translation>Повідомлення</translation>
    </message>
    <message>
        <source>subscriber ID, e.g. sandbox-user-1</source>
        <translation>ID підписника, напр. sandbox-user-1</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>Одержувач</translation>
    </message>
    <message>
        <source>About this receiver</source>
        <translation>Про цього одержувача</translation>
    </message>
    <message>
        <source>✖ limited (status 12)</source>
        <translation>✖ обмежено (статус 12)</translation>
    </message>
    <message>
        <source>⚠ 100 of 100 this hour</source>
        <translation>⚠ 100 зі 100 за цю годину</translation>
    </message>
    <message>
        <source>Messages to this receiver this hour</source>
        <translation>Повідомлень цьому одержувачу за цю годину</translation>
    </message>
    <message>
        <source>&amp;Receiver *</source>
        <translation>&amp;Одержувач *</translation>
    </message>
    <message>
        <source>Sender name</source>
        <translation>Ім&apos;я відправника</translation>
    </message>
    <message>
        <source>shown above the message</source>
        <translation>показується над повідомленням</translation>
    </message>
    <message>
        <source>Sender &amp;name *</source>
        <translation>Ім&apos;&amp;я відправника *</translation>
    </message>
    <message>
        <source>Sender avatar URL</source>
        <translation>URL аватара відправника</translation>
    </message>
    <message>
        <source>Avatar thumbnail</source>
        <translation>Мініатюра аватара</translation>
    </message>
    <message>
        <source>Sender a&amp;vatar</source>
        <translation>&amp;Аватар відправника</translation>
    </message>
    <message>
        <source>Sender avatar</source>
        <translation>Аватар відправника</translation>
    </message>
    <message>
        <source>Message type</source>
        <translation>Тип повідомлення</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>&amp;Тип</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Доставка</translation>
    </message>
    <message>
        <source>echoed back in the reply webhook</source>
        <translation>повертається у вебхуку відповіді</translation>
    </message>
    <message>
        <source>Tracking data</source>
        <translation>Дані відстеження</translation>
    </message>
    <message>
        <source>Tracking &amp;data</source>
        <translation>Дані відсте&amp;ження</translation>
    </message>
    <message>
        <source>not set (means 1)</source>
        <translation>не задано (означає 1)</translation>
    </message>
    <message>
        <source>Minimum API version</source>
        <translation>Мінімальна версія API</translation>
    </message>
    <message>
        <source>Raise min_api_version</source>
        <translation>Підвищити min_api_version</translation>
    </message>
    <message>
        <source>Min API version</source>
        <translation>Мін. версія API</translation>
    </message>
    <message>
        <source>Min &amp;API version</source>
        <translation>&amp;Мін. версія API</translation>
    </message>
    <message>
        <source>A keyboard-only message has no type and no content: it replaces the receiver&apos;s keyboard.</source>
        <translation>Повідомлення лише з клавіатурою не має типу й вмісту: воно замінює клавіатуру одержувача.</translation>
    </message>
    <message>
        <source>This message type is not one Viber documents. Its fields are kept exactly as imported; choose a type above to edit it.</source>
        <translation>Viber не документує цей тип повідомлення. Його поля збережено точно як імпортовано; виберіть тип вище, щоб редагувати.</translation>
    </message>
    <message>
        <source>Attach a &amp;keyboard</source>
        <translation>Додати к&amp;лавіатуру</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Клавіатура</translation>
    </message>
    <message>
        <source>Use the profile&apos;s sender</source>
        <translation>Відправник із профілю</translation>
    </message>
    <message>
        <source>Edit {field}</source>
        <translation>Змінити {field}</translation>
    </message>
    <message>
        <source>Change the type to {type}</source>
        <translation>Змінити тип на {type}</translation>
    </message>
    <message>
        <source>Attach a keyboard</source>
        <translation>Додати клавіатуру</translation>
    </message>
    <message>
        <source>Remove the keyboard</source>
        <translation>Прибрати клавіатуру</translation>
    </message>
    <message>
        <source>required: {level}</source>
        <translation>потрібно: {level}</translation>
    </message>
    <message>
        <source>Raise to {level}</source>
        <translation>Підвищити до {level}</translation>
    </message>
    <message>
        <source>{type} (not a Viber type)</source>
        <translation>{type} (не тип Viber)</translation>
    </message>
    <message>
        <source>Unknown type</source>
        <translation>Невідомий тип</translation>
    </message>
    <message>
        <source>{type} message</source>
        <translation>Повідомлення типу «{type}»</translation>
    </message>
    <message>
        <source>Keyboard only</source>
        <translation>Лише клавіатура</translation>
    </message>
    <message>
        <source>Raise min_api_version to {level}</source>
        <translation>Підвищити min_api_version до {level}</translation>
    </message>
    <message>
        <source>Loading avatar…</source>
        <translation>Завантаження аватара…</translation>
    </message>
    <message>
        <source>Avatar not loaded: {reason}</source>
        <translation>Аватар не завантажено: {reason}</translation>
    </message>
    <message>
        <source>The avatar is {size} KB; Viber recommends at most 100 KB.</source>
        <translation>Аватар займає {size} КБ; Viber радить не більше 100 КБ.</translation>
    </message>
    <message>
        <source>{width} × {height} px, {size} KB</source>
        <translation>{width} × {height} пікс., {size} КБ</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Зображення</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Відео</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Геопозиція</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>Посилання (URL)</translation>
    </message>
    <message>
        <source>Sticker</source>
        <translation>Стікер</translation>
    </message>
    <message>
        <source>Rich media (carousel)</source>
        <translation>Карусель (rich media)</translation>
    </message>
    <message>
        <source>Keyboard only (no type)</source>
        <translation>Лише клавіатура (без типу)</translation>
    </message>
</context>
<context>
    <name>Counter</name>
    <message>
        <source>within the limit</source>
        <translation>у межах ліміту</translation>
    </message>
    <message>
        <source>close to the limit</source>
        <translation>майже на межі ліміту</translation>
    </message>
    <message>
        <source>over the limit</source>
        <translation>понад ліміт</translation>
    </message>
    <message>
        <source>over the limit: Viber cuts the rest off</source>
        <translation>понад ліміт: Viber обріже решту</translation>
    </message>
    <message>
        <source>{used} of {limit}, {state}</source>
        <translation>{used} з {limit}, {state}</translation>
    </message>
</context>
<context>
    <name>DraftKeeper</name>
    <message>
        <source>The draft could not be saved ({reason}); your message is only in the window.</source>
        <translation>Не вдалося зберегти чернетку ({reason}); ваше повідомлення є лише у вікні.</translation>
    </message>
</context>
<context>
    <name>EditorGrid</name>
    <message>
        <source>Buttons: the card editor</source>
        <translation>Кнопки: редактор карток</translation>
    </message>
    <message>
        <source>Click a button to edit it; drag it onto another to move it there, drag its right or bottom edge to resize it. Keys: arrows choose, Shift+arrows resize, Alt+Left/Right move, Insert adds, Delete removes, Ctrl+D duplicates.</source>
        <translation>Клацніть кнопку, щоб змінити її; перетягніть на іншу, щоб перемістити туди, а за правий чи нижній край — щоб змінити розмір. Клавіші: стрілки вибирають, Shift+стрілки змінюють розмір, Alt+Left/Right переміщують, Insert додає, Delete вилучає, Ctrl+D дублює.</translation>
    </message>
    <message>
        <source>Card {number}: over the limit of {limit}</source>
        <translation>Картка {number}: понад ліміт {limit}</translation>
    </message>
    <message>
        <source>Card {number}</source>
        <translation>Картка {number}</translation>
    </message>
    <message>
        <source>No buttons yet: use + Button.</source>
        <translation>Кнопок ще немає: натисніть «+ Кнопка».</translation>
    </message>
</context>
<context>
    <name>EmojiPicker</name>
    <message>
        <source>Emoji picker</source>
        <translation>Вибір емодзі</translation>
    </message>
    <message>
        <source>Search by name (in English)</source>
        <translation>Пошук за назвою (англійською)</translation>
    </message>
    <message>
        <source>Search emoji</source>
        <translation>Пошук емодзі</translation>
    </message>
    <message>
        <source>Skin tone</source>
        <translation>Тон шкіри</translation>
    </message>
    <message>
        <source>Skin tone for the emoji that have one</source>
        <translation>Тон шкіри для емодзі, які його мають</translation>
    </message>
    <message>
        <source>Recently used</source>
        <translation>Нещодавні</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Результати пошуку</translation>
    </message>
    <message>
        <source>Emoji categories</source>
        <translation>Категорії емодзі</translation>
    </message>
    <message>
        <source>Emoji</source>
        <translation>Емодзі</translation>
    </message>
    <message>
        <source>Smileys &amp; emotion</source>
        <translation>Смайлики та емоції</translation>
    </message>
    <message>
        <source>People &amp; body</source>
        <translation>Люди й тіло</translation>
    </message>
    <message>
        <source>Animals &amp; nature</source>
        <translation>Тварини й природа</translation>
    </message>
    <message>
        <source>Food &amp; drink</source>
        <translation>Їжа та напої</translation>
    </message>
    <message>
        <source>Travel &amp; places</source>
        <translation>Подорожі й місця</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Заняття</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Предмети</translation>
    </message>
    <message>
        <source>Symbols</source>
        <translation>Символи</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Прапори</translation>
    </message>
    <message>
        <source>No emoji named “{query}”. Emoji names are in English: try heart, smile or flag.</source>
        <translation>Немає емодзі з назвою «{query}». Назви емодзі англійською: спробуйте heart, smile або flag.</translation>
    </message>
    <message>
        <source>Emoji you insert show here.</source>
        <translation>Тут з&apos;являться емодзі, які ви вставляєте.</translation>
    </message>
    <message numerus="yes">
        <source>{emoji} {name}: counts as %n character(s) in Viber&apos;s limits</source>
        <translation>
            <numerusform>{emoji} {name}: у лімітах Viber рахується як %n символ</numerusform>
            <numerusform>{emoji} {name}: у лімітах Viber рахується як %n символи</numerusform>
            <numerusform>{emoji} {name}: у лімітах Viber рахується як %n символів</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EnumCombo</name>
    <message>
        <source>one of the choices</source>
        <translation>одне зі значень</translation>
    </message>
    <message>
        <source>{value} (undocumented)</source>
        <translation>{value} (недокументоване)</translation>
    </message>
</context>
<context>
    <name>ExampleGallery</name>
    <message>
        <source>Start from an example</source>
        <translation>Почати з прикладу</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Приклади</translation>
    </message>
    <message>
        <source>The example replaces the message (Undo brings it back); the receiver and sender you filled in stay.</source>
        <translation>Приклад замінює повідомлення (Скасувати повертає його); вказані вами одержувач і відправник залишаються.</translation>
    </message>
</context>
<context>
    <name>FieldBox</name>
    <message>
        <source>null: clear</source>
        <translation>null: очистити</translation>
    </message>
    <message>
        <source>This field holds null, which Viber treats as left out. Click to clear it.</source>
        <translation>У цьому полі null, і Viber вважає його пропущеним. Клацніть, щоб очистити.</translation>
    </message>
    <message>
        <source>{kind}: clear</source>
        <translation>{kind}: очистити</translation>
    </message>
    <message>
        <source>This field holds {kind}. Click to clear it.</source>
        <translation>У цьому полі {kind}. Клацніть, щоб очистити.</translation>
    </message>
    <message>
        <source>{kind}: make it {target}</source>
        <translation>{kind}: зробити {target}</translation>
    </message>
    <message>
        <source>This field holds {kind}. Click to write it as {value}.</source>
        <translation>У цьому полі {kind}. Клацніть, щоб записати як {value}.</translation>
    </message>
    <message>
        <source>the kind this field takes</source>
        <translation>тип, який приймає це поле</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Request size</source>
        <translation>Розмір запиту</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Зауваження</translation>
    </message>
    <message>
        <source>Fix the selected finding</source>
        <translation>Виправити вибране зауваження</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>Виправити</translation>
    </message>
    <message>
        <source>{used} / {limit} bytes</source>
        <translation>{used} / {limit} байт</translation>
    </message>
    <message>
        <source>Compact UTF-8 JSON body; warning above {limit} bytes</source>
        <translation>Компактне тіло JSON у UTF-8; попередження понад {limit} байт</translation>
    </message>
    <message>
        <source>✖ {errors}, {warnings}: cannot send</source>
        <translation>✖ {errors}, {warnings}: надіслати не можна</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n помилка</numerusform>
            <numerusform>%n помилки</numerusform>
            <numerusform>%n помилок</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n попередження</numerusform>
            <numerusform>%n попередження</numerusform>
            <numerusform>%n попереджень</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ {warnings}: can send</source>
        <translation>⚠ {warnings}: можна надіслати</translation>
    </message>
    <message>
        <source>✔ Ready to send</source>
        <translation>✔ Готово до надсилання</translation>
    </message>
    <message>
        <source>No findings: the message passes every check.</source>
        <translation>Зауважень немає: повідомлення проходить усі перевірки.</translation>
    </message>
    <message>
        <source>(whole body)</source>
        <translation>(усе тіло)</translation>
    </message>
    <message>
        <source>Fix (Ctrl+.): {fix}</source>
        <translation>Виправити (Ctrl+.): {fix}</translation>
    </message>
    <message>
        <source>Fix: {fix}</source>
        <translation>Виправити: {fix}</translation>
    </message>
    <message>
        <source>{count} other ways to fix it: see the arrow.</source>
        <translation>Інших способів виправити: {count}; див. стрілку.</translation>
    </message>
    <message>
        <source>Or: {fix}</source>
        <translation>Або: {fix}</translation>
    </message>
    <message>
        <source>This finding has no automatic fix: change the field yourself.</source>
        <translation>Для цього зауваження немає автоматичного виправлення: змініть поле самостійно.</translation>
    </message>
    <message>
        <source>Go to the field</source>
        <translation>Перейти до поля</translation>
    </message>
</context>
<context>
    <name>Gallery</name>
    <message>
        <source>Start from an &amp;example</source>
        <translation>Почати з &amp;прикладу</translation>
    </message>
    <message>
        <source>Product carousel</source>
        <translation>Карусель товарів</translation>
    </message>
    <message>
        <source>Four product cards, each with a picture, a name and price, Buy and More details.</source>
        <translation>Чотири картки товарів, кожна із зображенням, назвою й ціною, кнопками «Купити» та «Докладніше».</translation>
    </message>
    <message>
        <source>Yes / no keyboard</source>
        <translation>Клавіатура «Так / Ні»</translation>
    </message>
    <message>
        <source>A question with two answer buttons under it.</source>
        <translation>Запитання з двома кнопками відповіді під ним.</translation>
    </message>
    <message>
        <source>Menu keyboard</source>
        <translation>Клавіатура-меню</translation>
    </message>
    <message>
        <source>Six menu choices in two columns; one opens your website.</source>
        <translation>Шість пунктів меню у два стовпці; один відкриває ваш вебсайт.</translation>
    </message>
    <message>
        <source>Share phone and location</source>
        <translation>Поділитися телефоном і геопозицією</translation>
    </message>
    <message>
        <source>Buttons that ask for the phone number and the location (Viber on phones).</source>
        <translation>Кнопки, що просять номер телефону та геопозицію (Viber на телефонах).</translation>
    </message>
    <message>
        <source>Open example {name}</source>
        <translation>Відкрити приклад «{name}»</translation>
    </message>
</context>
<context>
    <name>GridScroller</name>
    <message>
        <source>Scroll the cards</source>
        <translation>Гортати картки</translation>
    </message>
</context>
<context>
    <name>GroupEditor</name>
    <message>
        <source>Examples…</source>
        <translation>Приклади…</translation>
    </message>
    <message>
        <source>Start from a good example (replaces the message)</source>
        <translation>Почати з вдалого прикладу (замінює повідомлення)</translation>
    </message>
    <message>
        <source>Carousel settings</source>
        <translation>Параметри каруселі</translation>
    </message>
    <message>
        <source>Keyboard settings</source>
        <translation>Параметри клавіатури</translation>
    </message>
    <message>
        <source>Card background</source>
        <translation>Тло картки</translation>
    </message>
    <message>
        <source>Card columns</source>
        <translation>Стовпці картки</translation>
    </message>
    <message>
        <source>Card rows</source>
        <translation>Рядки картки</translation>
    </message>
    <message>
        <source>Fallback text</source>
        <translation>Запасний текст</translation>
    </message>
    <message>
        <source>shown by clients without rich media</source>
        <translation>показується в клієнтах без rich media</translation>
    </message>
    <message>
        <source>Keyboard background</source>
        <translation>Тло клавіатури</translation>
    </message>
    <message>
        <source>Input field</source>
        <translation>Поле введення</translation>
    </message>
    <message>
        <source>Group columns</source>
        <translation>Стовпці групи</translation>
    </message>
    <message>
        <source>Group rows</source>
        <translation>Рядки групи</translation>
    </message>
    <message>
        <source>Default height</source>
        <translation>Типова висота</translation>
    </message>
    <message>
        <source>Height (% of screen)</source>
        <translation>Висота (% екрана)</translation>
    </message>
    <message>
        <source>Row height (%)</source>
        <translation>Висота рядка (%)</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Time</source>
        <translation>Час</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Профіль</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>Одержувач</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Байти</translation>
    </message>
    <message>
        <source>Message token</source>
        <translation>Токен повідомлення</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Search requests and responses…</source>
        <translation>Пошук у запитах і відповідях…</translation>
    </message>
    <message>
        <source>Search history</source>
        <translation>Пошук в історії</translation>
    </message>
    <message>
        <source>receiver</source>
        <translation>одержувач</translation>
    </message>
    <message>
        <source>Filter by receiver</source>
        <translation>Фільтр за одержувачем</translation>
    </message>
    <message>
        <source>Filter by profile</source>
        <translation>Фільтр за профілем</translation>
    </message>
    <message>
        <source>Filter by outcome</source>
        <translation>Фільтр за результатом</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>Будь-який результат</translation>
    </message>
    <message>
        <source>Filter by type</source>
        <translation>Фільтр за типом</translation>
    </message>
    <message>
        <source>Any type</source>
        <translation>Будь-який тип</translation>
    </message>
    <message>
        <source>Filter by time</source>
        <translation>Фільтр за часом</translation>
    </message>
    <message>
        <source>Summary of the entries shown</source>
        <translation>Підсумок показаних записів</translation>
    </message>
    <message>
        <source>Send history</source>
        <translation>Історія надсилань</translation>
    </message>
    <message>
        <source>Request sent</source>
        <translation>Надісланий запит</translation>
    </message>
    <message>
        <source>The exact request of the selected entry</source>
        <translation>Точний запит вибраного запису</translation>
    </message>
    <message>
        <source>Entry details</source>
        <translation>Подробиці запису</translation>
    </message>
    <message>
        <source>&amp;Open in composer</source>
        <translation>&amp;Відкрити в редакторі</translation>
    </message>
    <message>
        <source>Re&amp;send…</source>
        <translation>Надіслати &amp;ще раз…</translation>
    </message>
    <message>
        <source>Co&amp;mpare two</source>
        <translation>Порівн&amp;яти два</translation>
    </message>
    <message>
        <source>E&amp;xport shown…</source>
        <translation>Е&amp;кспорт показаних…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>Вида&amp;лити…</translation>
    </message>
    <message>
        <source>Add to receiver book…</source>
        <translation>Додати до книги одержувачів…</translation>
    </message>
    <message>
        <source>Give this entry&apos;s receiver a name in the receiver book</source>
        <translation>Дати одержувачу цього запису назву в книзі одержувачів</translation>
    </message>
    <message>
        <source>Any profile</source>
        <translation>Будь-який профіль</translation>
    </message>
    <message>
        <source>Loading the selected entry…</source>
        <translation>Завантаження вибраного запису…</translation>
    </message>
    <message>
        <source>Being sent: no answer is recorded yet.</source>
        <translation>Надсилається: відповідь ще не записано.</translation>
    </message>
    <message>
        <source>The request left or is leaving this computer. The answer is recorded here when it comes; do not send the message again before that.</source>
        <translation>Запит уже пішов або йде з цього комп&apos;ютера. Відповідь буде записано тут, коли вона надійде; доти не надсилайте повідомлення ще раз.</translation>
    </message>
    <message>
        <source>Two entries selected: Compare shows them side by side.</source>
        <translation>Вибрано два записи: «Порівняти» покаже їх поруч.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries selected.</source>
        <translation>
            <numerusform>Вибрано %n запис.</numerusform>
            <numerusform>Вибрано %n записи.</numerusform>
            <numerusform>Вибрано %n записів.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select an entry to see what was sent and what came back.</source>
        <translation>Виберіть запис, щоб побачити, що надіслано і що повернулося.</translation>
    </message>
    <message>
        <source>No entry to show.</source>
        <translation>Немає записів для показу.</translation>
    </message>
    <message>
        <source>The history could not be counted: {reason}</source>
        <translation>Не вдалося порахувати історію: {reason}</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>Експорт історії</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl);;CSV (*.csv)</source>
        <translation>JSON Lines (*.jsonl);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Експорт</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n entries to {file}</source>
        <translation>
            <numerusform>Експортовано %n запис у {file}</numerusform>
            <numerusform>Експортовано %n записи у {file}</numerusform>
            <numerusform>Експортовано %n записів у {file}</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete history entries</source>
        <translation>Видалення записів історії</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n selected entries? This cannot be undone.</source>
        <translation>
            <numerusform>Видалити %n вибраний запис? Це не можна скасувати.</numerusform>
            <numerusform>Видалити %n вибрані записи? Це не можна скасувати.</numerusform>
            <numerusform>Видалити %n вибраних записів? Це не можна скасувати.</numerusform>
        </translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>За весь час</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Остання година</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Останні 24 години</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Останні 7 днів</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Останні 30 днів</translation>
    </message>
</context>
<context>
    <name>HistorySummary</name>
    <message>
        <source>Nothing sent yet: every send is listed here, recorded before it leaves.</source>
        <translation>Ще нічого не надіслано: кожне надсилання з&apos;являється тут і записується, перш ніж піти.</translation>
    </message>
    <message>
        <source>No entries match the filter.</source>
        <translation>Жоден запис не відповідає фільтру.</translation>
    </message>
    <message>
        <source>{count} {state}</source>
        <translation>{state}: {count}</translation>
    </message>
    <message>
        <source>{count} shown: {parts}</source>
        <translation>Показано {count}: {parts}</translation>
    </message>
    <message>
        <source>{billed} billed, {free} free</source>
        <translation>платних: {billed}, безплатних: {free}</translation>
    </message>
    <message>
        <source>no billing status (refused, not sent, unknown or older answers)</source>
        <translation>без статусу тарифікації (відхилені, не надіслані, невідомі або старіші відповіді)</translation>
    </message>
    <message>
        <source>billing status {code} (not one this app knows)</source>
        <translation>статус тарифікації {code} (невідомий цій програмі)</translation>
    </message>
</context>
<context>
    <name>ImageLoader</name>
    <message>
        <source>not an image</source>
        <translation>це не зображення</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import JSON payload</source>
        <translation>Імпорт повідомлення з JSON</translation>
    </message>
    <message>
        <source>Payload JSON</source>
        <translation>JSON повідомлення</translation>
    </message>
    <message>
        <source>&amp;Open file…</source>
        <translation>&amp;Відкрити файл…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Імпортувати</translation>
    </message>
    <message>
        <source>Paste a send_message body, or open a .json file. Fields the forms do not edit are kept and flagged.</source>
        <translation>Вставте тіло send_message або відкрийте файл .json. Поля, яких немає у формах, буде збережено й позначено.</translation>
    </message>
    <message>
        <source>Open payload</source>
        <translation>Відкрити повідомлення</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>Файли JSON (*.json);;Усі файли (*)</translation>
    </message>
    <message>
        <source>Cannot read {file}: {reason}</source>
        <translation>Не вдалося прочитати {file}: {reason}</translation>
    </message>
    <message>
        <source>{file} is not UTF-8 text (byte {byte}); save it as UTF-8 and open it again.</source>
        <translation>{file} — не текст UTF-8 (байт {byte}); збережіть його в UTF-8 і відкрийте ще раз.</translation>
    </message>
</context>
<context>
    <name>InputBar</name>
    <message>
        <source>The input field is minimized: a tap opens it</source>
        <translation>Поле введення згорнуте: натискання відкриває його</translation>
    </message>
    <message>
        <source>Type a message…</source>
        <translation>Напишіть повідомлення…</translation>
    </message>
</context>
<context>
    <name>IntField</name>
    <message>
        <source>a whole number</source>
        <translation>ціле число</translation>
    </message>
</context>
<context>
    <name>JsonPanel</name>
    <message>
        <source>Request JSON</source>
        <translation>JSON запиту</translation>
    </message>
    <message>
        <source>JSON problem</source>
        <translation>Проблема з JSON</translation>
    </message>
    <message>
        <source>Copy JSON</source>
        <translation>Копіювати JSON</translation>
    </message>
    <message>
        <source>Copy the exact bytes that will be sent (compact)</source>
        <translation>Копіювати точно ті байти, що буде надіслано (компактно)</translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation>Копіювати як curl</translation>
    </message>
    <message>
        <source>The token is written as $VIBER_AUTH_TOKEN</source>
        <translation>Токен записано як $VIBER_AUTH_TOKEN</translation>
    </message>
    <message>
        <source>Sent as compact UTF-8 JSON: {bytes} bytes (shown pretty-printed). Edit it here or in the forms: a valid change applies after a short pause. The token travels only in the X-Viber-Auth-Token header.</source>
        <translation>Надсилається як компактний JSON у UTF-8: {bytes} байт (тут показано з відступами). Редагуйте тут або у формах: правильна зміна застосовується після короткої паузи. Токен передається лише в заголовку X-Viber-Auth-Token.</translation>
    </message>
    <message>
        <source>The text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Nothing was changed: fix the text to apply it.</source>
        <translation>Нічого не змінено: виправте текст, щоб застосувати його.</translation>
    </message>
    <message>
        <source>The text is {kind}, not a JSON object ({{…}}): a message is one object with its fields inside. Nothing was changed.</source>
        <translation>Текст — це {kind}, а не об&apos;єкт JSON ({{…}}): повідомлення — це один об&apos;єкт із полями всередині. Нічого не змінено.</translation>
    </message>
    <message>
        <source>Edit JSON</source>
        <translation>Редагувати JSON</translation>
    </message>
</context>
<context>
    <name>KeyboardDock</name>
    <message>
        <source>Keyboard</source>
        <translation>Клавіатура</translation>
    </message>
</context>
<context>
    <name>KeyboardGrid</name>
    <message>
        <source>Keyboard</source>
        <translation>Клавіатура</translation>
    </message>
</context>
<context>
    <name>ListSendDialog</name>
    <message>
        <source>Sending to the list “{name}”</source>
        <translation>Надсилання списку «{name}»</translation>
    </message>
    <message>
        <source>List send progress</source>
        <translation>Хід надсилання списку</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v з %m</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>очікує</translation>
    </message>
    <message>
        <source>&amp;Stop after this one</source>
        <translation>&amp;Зупинити після цього</translation>
    </message>
    <message>
        <source>The receiver being sent to now gets its answer; no one after it is sent to.</source>
        <translation>Одержувач, якому надсилаємо зараз, отримає повідомлення до кінця; наступним нічого не надсилається.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>За&amp;крити</translation>
    </message>
    <message>
        <source>Stopping after the current receiver… its answer is still waited for.</source>
        <translation>Зупиняємося після поточного одержувача… відповідь для нього ще очікуємо.</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>надсилання…</translation>
    </message>
    <message>
        <source>Sending {position} of {total} to “{who}”…</source>
        <translation>Надсилання {position} з {total}: «{who}»…</translation>
    </message>
    <message>
        <source>Nothing was sent: {why}</source>
        <translation>Нічого не надіслано: {why}</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>не надіслано</translation>
    </message>
    <message>
        <source>{outcome}: {count}</source>
        <translation>{outcome}: {count}</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n receiver(s): {parts}.</source>
        <translation>
            <numerusform>Готово: %n одержувач: {parts}.</numerusform>
            <numerusform>Готово: %n одержувачі: {parts}.</numerusform>
            <numerusform>Готово: %n одержувачів: {parts}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Check the chats of receivers whose outcome is unknown before sending to them again: nothing is resent automatically.</source>
        <translation>Перш ніж надсилати ще раз одержувачам із невідомим результатом, перевірте їхні чати: автоматично нічого не надсилається повторно.</translation>
    </message>
    <message>
        <source>#</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>Одержувач</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Що сталося</translation>
    </message>
</context>
<context>
    <name>LookupDialog</name>
    <message>
        <source>Look up {who}</source>
        <translation>Перевірка: {who}</translation>
    </message>
    <message>
        <source>Avatar</source>
        <translation>Аватар</translation>
    </message>
    <message>
        <source>How old this answer is</source>
        <translation>Наскільки давня ця відповідь</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Що сталося</translation>
    </message>
    <message>
        <source>&amp;Ask Viber</source>
        <translation>&amp;Запитати Viber</translation>
    </message>
    <message>
        <source>Asking Viber…</source>
        <translation>Запитуємо Viber…</translation>
    </message>
    <message>
        <source>Not looked up yet.</source>
        <translation>Ще не перевірено.</translation>
    </message>
    <message>
        <source>Viber&apos;s answer from {age} (at {time}).</source>
        <translation>Відповідь Viber від {age} (о {time}).</translation>
    </message>
    <message>
        <source>Viber allows {calls} lookups of a receiver every {hours:g} hours: {left} left now.</source>
        <translation>Ліміт Viber на перевірки одержувача: {calls} за {hours:g} год. Залишилося зараз: {left}.</translation>
    </message>
    <message>
        <source>Viber answered just now.</source>
        <translation>Viber щойно відповів.</translation>
    </message>
    <message>
        <source>no avatar</source>
        <translation>без аватара</translation>
    </message>
    <message>
        <source>avatar
not loaded</source>
        <translation>аватар не
завантажено</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{problem} Settings will not be saved this session.</source>
        <translation>{problem} Налаштування не буде збережено в цьому сеансі.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Налаштування</translation>
    </message>
    <message>
        <source>Viber Desktop Composer</source>
        <translation>Viber Desktop Composer</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Профіль</translation>
    </message>
    <message>
        <source>Preview, JSON and response</source>
        <translation>Перегляд, JSON і відповідь</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Перегляд</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Відповідь</translation>
    </message>
    <message>
        <source>Compose or history</source>
        <translation>Створення або історія</translation>
    </message>
    <message>
        <source>&amp;Compose</source>
        <translation>&amp;Створення</translation>
    </message>
    <message>
        <source>H&amp;istory</source>
        <translation>&amp;Історія</translation>
    </message>
    <message>
        <source>Preferences saved: the next send uses them.</source>
        <translation>Налаштування збережено: наступне надсилання їх використає.</translation>
    </message>
    <message>
        <source>Settings not saved: {why}</source>
        <translation>Налаштування не збережено: {why}</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;New message</source>
        <translation>&amp;Нове повідомлення</translation>
    </message>
    <message>
        <source>Start from an e&amp;xample</source>
        <translation>Почати з &amp;прикладу</translation>
    </message>
    <message>
        <source>&amp;Import JSON…</source>
        <translation>&amp;Імпорт JSON…</translation>
    </message>
    <message>
        <source>&amp;Export JSON…</source>
        <translation>&amp;Експорт JSON…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Ви&amp;йти</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Редагування</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Скасувати</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторити</translation>
    </message>
    <message>
        <source>Copy &amp;JSON</source>
        <translation>&amp;Копіювати JSON</translation>
    </message>
    <message>
        <source>Copy as c&amp;url</source>
        <translation>Копіювати &amp;як curl</translation>
    </message>
    <message>
        <source>Copy as curl with the real &amp;token…</source>
        <translation>Копіювати як curl зі справжнім &amp;токеном…</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>&amp;Налаштування…</translation>
    </message>
    <message>
        <source>&amp;Templates</source>
        <translation>&amp;Шаблони</translation>
    </message>
    <message>
        <source>&amp;Save as template…</source>
        <translation>&amp;Зберегти як шаблон…</translation>
    </message>
    <message>
        <source>&amp;Templates…</source>
        <translation>&amp;Шаблони…</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>Повідомл&amp;ення</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Надіслати</translation>
    </message>
    <message>
        <source>Receivers</source>
        <translation>Одержувачі</translation>
    </message>
    <message>
        <source>Receiver &amp;book…</source>
        <translation>&amp;Книга одержувачів…</translation>
    </message>
    <message>
        <source>&amp;Look up this receiver…</source>
        <translation>&amp;Перевірити цього одержувача…</translation>
    </message>
    <message>
        <source>&amp;Add this receiver to the book…</source>
        <translation>&amp;Додати цього одержувача до книги…</translation>
    </message>
    <message>
        <source>&amp;Send to a test list…</source>
        <translation>Надіслати &amp;тестовому списку…</translation>
    </message>
    <message>
        <source>&amp;Profiles</source>
        <translation>&amp;Профілі</translation>
    </message>
    <message>
        <source>&amp;Token…</source>
        <translation>&amp;Токен…</translation>
    </message>
    <message>
        <source>&amp;Add profile…</source>
        <translation>&amp;Додати профіль…</translation>
    </message>
    <message>
        <source>&amp;Remove profile</source>
        <translation>&amp;Вилучити профіль</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Довідка</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Про програму</translation>
    </message>
</context>
<context>
    <name>MessageActions</name>
    <message>
        <source>{step}: the message was replaced. {undo} brings back the previous one.</source>
        <translation>{step}: повідомлення замінено. {undo} поверне попереднє.</translation>
    </message>
    <message>
        <source>Use the profile&apos;s sender</source>
        <translation>Відправник із профілю</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>Нове повідомлення</translation>
    </message>
    <message>
        <source>Open history entry #{id}</source>
        <translation>Відкрити запис історії №{id}</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Імпорт</translation>
    </message>
    <message>
        <source>Export payload</source>
        <translation>Експорт повідомлення</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Файли JSON (*.json)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Експорт</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Збережено</translation>
    </message>
    <message>
        <source>JSON copied</source>
        <translation>JSON скопійовано</translation>
    </message>
    <message>
        <source>curl command copied (token as $VIBER_AUTH_TOKEN)</source>
        <translation>Команду curl скопійовано (токен як $VIBER_AUTH_TOKEN)</translation>
    </message>
    <message>
        <source>Copy the real token?</source>
        <translation>Копіювати справжній токен?</translation>
    </message>
    <message>
        <source>The command will contain the bot token in plain text. Anyone who sees your clipboard, a pasted chat or your shell history can then send messages as your bot.

Copy it anyway?</source>
        <translation>Команда міститиме токен бота відкритим текстом. Будь-хто, хто побачить ваш буфер обміну, вставлений у чат текст або історію командного рядка, зможе надсилати повідомлення від імені вашого бота.

Усе одно скопіювати?</translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation>Копіювати як curl</translation>
    </message>
    <message>
        <source>curl command with the token copied</source>
        <translation>Команду curl із токеном скопійовано</translation>
    </message>
    <message>
        <source>Save as template</source>
        <translation>Зберегти як шаблон</translation>
    </message>
    <message>
        <source>Template name:</source>
        <translation>Назва шаблону:</translation>
    </message>
    <message>
        <source>Replace the template “{name}”?</source>
        <translation>Замінити шаблон «{name}»?</translation>
    </message>
    <message>
        <source>Template saved</source>
        <translation>Шаблон збережено</translation>
    </message>
    <message>
        <source>Open template</source>
        <translation>Відкрити шаблон</translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <source>a number</source>
        <translation>число</translation>
    </message>
</context>
<context>
    <name>OtherFields</name>
    <message>
        <source>Other fields</source>
        <translation>Інші поля</translation>
    </message>
    <message>
        <source>Fields Viber does not document. They are sent as written; edit a value as JSON and press Enter, or remove the field.</source>
        <translation>Поля, яких Viber не документує. Їх надсилають як написано; змініть значення як JSON і натисніть Enter або вилучіть поле.</translation>
    </message>
    <message>
        <source>Value of {field}, as JSON</source>
        <translation>Значення {field} як JSON</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Вилучити</translation>
    </message>
    <message>
        <source>Remove {field}</source>
        <translation>Вилучити {field}</translation>
    </message>
    <message>
        <source>(a long value: edit it in the JSON tab)</source>
        <translation>(довге значення: змінюйте його на вкладці JSON)</translation>
    </message>
    <message>
        <source>Edit {field}</source>
        <translation>Змінити {field}</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Налаштування</translation>
    </message>
    <message>
        <source>How long a send waits. A send is never retried: when the answer does not come in time, the outcome is unknown and the message may have been delivered.</source>
        <translation>Скільки чекає надсилання. Надсилання ніколи не повторюється: якщо відповідь не прийшла вчасно, результат невідомий і повідомлення могло бути доставлене.</translation>
    </message>
    <message>
        <source>Connect timeout in seconds</source>
        <translation>Час очікування з&apos;єднання в секундах</translation>
    </message>
    <message>
        <source>Answer timeout in seconds</source>
        <translation>Час очікування відповіді в секундах</translation>
    </message>
    <message>
        <source>How long to try to reach the server ({low} to {high} s). Nothing is sent before.</source>
        <translation>Скільки намагатися з&apos;єднатися із сервером (від {low} до {high} с). До того нічого не надсилається.</translation>
    </message>
    <message>
        <source>How long to wait for the answer once the message has left ({low} to {high} s).</source>
        <translation>Скільки чекати на відповідь після відправлення повідомлення (від {low} до {high} с).</translation>
    </message>
    <message>
        <source>&amp;Connect timeout (s):</source>
        <translation>Очікування &amp;з&apos;єднання (с):</translation>
    </message>
    <message>
        <source>&amp;Answer timeout (s):</source>
        <translation>Очікування &amp;відповіді (с):</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <source>connect timeout</source>
        <translation>час очікування з&apos;єднання</translation>
    </message>
    <message>
        <source>answer timeout</source>
        <translation>час очікування відповіді</translation>
    </message>
</context>
<context>
    <name>ProfileBar</name>
    <message>
        <source>&amp;Bot profile:</source>
        <translation>Профіль &amp;бота:</translation>
    </message>
    <message>
        <source>Bot profile</source>
        <translation>Профіль бота</translation>
    </message>
    <message>
        <source>Token state</source>
        <translation>Стан токена</translation>
    </message>
    <message>
        <source>Token…</source>
        <translation>Токен…</translation>
    </message>
    <message>
        <source>Add profile…</source>
        <translation>Додати профіль…</translation>
    </message>
    <message>
        <source>checking token…</source>
        <translation>перевірка токена…</translation>
    </message>
    <message>
        <source>built-in sandbox token</source>
        <translation>вбудований токен пісочниці</translation>
    </message>
    <message>
        <source>session token {token}</source>
        <translation>токен сеансу {token}</translation>
    </message>
    <message>
        <source>✔ token stored {token}</source>
        <translation>✔ токен збережено {token}</translation>
    </message>
    <message>
        <source>✖ no token stored</source>
        <translation>✖ токен не збережено</translation>
    </message>
    <message>
        <source>⚠ keyring unavailable</source>
        <translation>⚠ сховище ключів недоступне</translation>
    </message>
    <message>
        <source>Add profile</source>
        <translation>Додати профіль</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>Вилучити профіль</translation>
    </message>
    <message>
        <source>Remove the profile “{name}” and its stored token?</source>
        <translation>Вилучити профіль «{name}» і збережений для нього токен?</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Add profile</source>
        <translation>Додати профіль</translation>
    </message>
    <message>
        <source>for example Shop bot</source>
        <translation>наприклад, Бот магазину</translation>
    </message>
    <message>
        <source>optional: the name messages are sent as</source>
        <translation>необов&apos;язково: ім&apos;я, від якого надсилаються повідомлення</translation>
    </message>
    <message>
        <source>optional: https://… address of a picture</source>
        <translation>необов&apos;язково: адреса зображення https://…</translation>
    </message>
    <message>
        <source>Same as the window ({language})</source>
        <translation>Як у вікні ({language})</translation>
    </message>
    <message>
        <source>The language this bot&apos;s messages are spell checked in</source>
        <translation>Мова, якою перевіряється правопис повідомлень цього бота</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <source>Profile &amp;name:</source>
        <translation>&amp;Назва профілю:</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Назва профілю</translation>
    </message>
    <message>
        <source>&amp;API URL:</source>
        <translation>&amp;Адреса API:</translation>
    </message>
    <message>
        <source>API URL</source>
        <translation>Адреса API</translation>
    </message>
    <message>
        <source>&amp;Sender name:</source>
        <translation>Ім&apos;&amp;я відправника:</translation>
    </message>
    <message>
        <source>Sender name</source>
        <translation>Ім&apos;я відправника</translation>
    </message>
    <message>
        <source>Sender a&amp;vatar:</source>
        <translation>А&amp;ватар відправника:</translation>
    </message>
    <message>
        <source>Sender avatar</source>
        <translation>Аватар відправника</translation>
    </message>
    <message>
        <source>Spell&amp;ing language:</source>
        <translation>&amp;Мова перевірки правопису:</translation>
    </message>
    <message>
        <source>Spelling language</source>
        <translation>Мова перевірки правопису</translation>
    </message>
    <message>
        <source>A profile is one bot: where to send (the API URL) and who the messages come from. Its token is asked for next and kept in your system keyring.</source>
        <translation>Профіль — це один бот: куди надсилати (URL API) і від кого надходять повідомлення. Токен буде запитано далі; він зберігається в системному сховищі ключів.</translation>
    </message>
    <message>
        <source>This profile cannot be saved: check each field and try again.</source>
        <translation>Цей профіль не можна зберегти: перевірте кожне поле й спробуйте ще раз.</translation>
    </message>
</context>
<context>
    <name>ReceiverActions</name>
    <message>
        <source>A list send is running</source>
        <translation>Триває надсилання списку</translation>
    </message>
    <message>
        <source>The message is being sent to the list “{name}” ({done} of {total} done).

Stop after the current receiver and close the window when its answer is in?</source>
        <translation>Повідомлення надсилається списку «{name}» (готово {done} з {total}).

Зупинитися після поточного одержувача й закрити вікно, коли надійде його відповідь?</translation>
    </message>
    <message>
        <source>Stop and close</source>
        <translation>Зупинити й закрити</translation>
    </message>
    <message>
        <source>Keep sending</source>
        <translation>Продовжити надсилання</translation>
    </message>
    <message>
        <source>Saved {who} in the book of “{profile}”.</source>
        <translation>{who} збережено в книзі профілю «{profile}».</translation>
    </message>
    <message>
        <source>Send to a test list</source>
        <translation>Надіслати тестовому списку</translation>
    </message>
    <message>
        <source>The profile “{profile}” has no test lists yet. Open Receivers → Receiver book, select receivers and press Add to list.</source>
        <translation>У профілі «{profile}» ще немає тестових списків. Відкрийте Одержувачі → Книга одержувачів, виберіть одержувачів і натисніть «Додати до списку».</translation>
    </message>
    <message>
        <source>Send the message to every receiver of the list:</source>
        <translation>Надіслати повідомлення кожному одержувачу списку:</translation>
    </message>
    <message>
        <source>A list send is still running.</source>
        <translation>Надсилання списку ще триває.</translation>
    </message>
    <message>
        <source>The history is not open yet (every send is recorded before it leaves). Try again in a moment.</source>
        <translation>Історію ще не відкрито (кожне надсилання записується, перш ніж піти). Спробуйте ще раз за мить.</translation>
    </message>
    <message>
        <source>There is no list named “{name}”.</source>
        <translation>Списку з назвою «{name}» немає.</translation>
    </message>
    <message>
        <source>Fix the message first: {path}: {message}</source>
        <translation>Спершу виправте повідомлення: {path}: {message}</translation>
    </message>
    <message numerus="yes">
        <source>Send this {kind} message to the %n receiver(s) of the list “{name}” with the profile “{profile}”?

One message per receiver, one after another; each is recorded in the history before it leaves. {rule}.</source>
        <translation>
            <numerusform>Надіслати це повідомлення {kind} %n одержувачу списку «{name}» із профілем «{profile}»?

По одному повідомленню кожному, одне за одним; кожне записується в історію, перш ніж піти. {rule}.</numerusform>
            <numerusform>Надіслати це повідомлення {kind} %n одержувачам списку «{name}» із профілем «{profile}»?

По одному повідомленню кожному, одне за одним; кожне записується в історію, перш ніж піти. {rule}.</numerusform>
            <numerusform>Надіслати це повідомлення {kind} %n одержувачам списку «{name}» із профілем «{profile}»?

По одному повідомленню кожному, одне за одним; кожне записується в історію, перш ніж піти. {rule}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n receiver(s) have a Viber older than this message needs (API level {level}: {why}) and will be skipped: {names}.</source>
        <translation>
            <numerusform>%n одержувач має старішу версію Viber, ніж потрібно для цього повідомлення (рівень API {level}: {why}), і буде пропущений: {names}.</numerusform>
            <numerusform>%n одержувачі мають старішу версію Viber, ніж потрібно для цього повідомлення (рівень API {level}: {why}), і будуть пропущені: {names}.</numerusform>
            <numerusform>%n одержувачів мають старішу версію Viber, ніж потрібно для цього повідомлення (рівень API {level}: {why}), і будуть пропущені: {names}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Send to {size}</source>
        <translation>Надіслати: {size}</translation>
    </message>
    <message>
        <source>Don&apos;t send</source>
        <translation>Не надсилати</translation>
    </message>
</context>
<context>
    <name>ReceiverEditDialog</name>
    <message>
        <source>Edit receiver</source>
        <translation>Змінити одержувача</translation>
    </message>
    <message>
        <source>Add receiver</source>
        <translation>Додати одержувача</translation>
    </message>
    <message>
        <source>e.g. 01234567890A=</source>
        <translation>напр. 01234567890A=</translation>
    </message>
    <message>
        <source>e.g. Anna, iPhone test</source>
        <translation>напр. Анна, тест на iPhone</translation>
    </message>
    <message>
        <source>e.g. QA; iPhone (separate with ;)</source>
        <translation>напр. QA; iPhone (розділяйте крапкою з комою)</translation>
    </message>
    <message>
        <source>Receiver &amp;ID</source>
        <translation>ID &amp;одержувача</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>&amp;Назва</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Примітки</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>&amp;Теги</translation>
    </message>
</context>
<context>
    <name>ReceiverHints</name>
    <message>
        <source>Viber API level {level} (looked up {age})</source>
        <translation>Рівень API Viber: {level} (перевірено {age})</translation>
    </message>
    <message>
        <source>limited (status 12)</source>
        <translation>обмежено (статус 12)</translation>
    </message>
    <message>
        <source>{count} of {limit} this hour</source>
        <translation>{count} з {limit} за цю годину</translation>
    </message>
</context>
<context>
    <name>ResponsePanel</name>
    <message>
        <source>The sandbox accepted the message.</source>
        <translation>Пісочниця прийняла повідомлення.</translation>
    </message>
    <message>
        <source>The local server accepted the message.</source>
        <translation>Локальний сервер прийняв повідомлення.</translation>
    </message>
    <message>
        <source>This answer came from the sandbox on this computer, which answers as Viber would; no phone received anything.</source>
        <translation>Цю відповідь дала пісочниця на цьому комп&apos;ютері, яка відповідає так, як відповів би Viber; жоден телефон нічого не отримав.</translation>
    </message>
    <message>
        <source>This answer came from a server on this computer, not from Viber.</source>
        <translation>Цю відповідь дав сервер на цьому комп&apos;ютері, а не Viber.</translation>
    </message>
    <message>
        <source>Accepted by the sandbox</source>
        <translation>Прийнято пісочницею</translation>
    </message>
    <message>
        <source>Accepted by the local server</source>
        <translation>Прийнято локальним сервером</translation>
    </message>
    <message>
        <source>Accepted by Viber</source>
        <translation>Прийнято Viber</translation>
    </message>
    <message>
        <source>Refused by the sandbox</source>
        <translation>Відхилено пісочницею</translation>
    </message>
    <message>
        <source>Refused by the local server</source>
        <translation>Відхилено локальним сервером</translation>
    </message>
    <message>
        <source>Viber refused the message</source>
        <translation>Viber відхилив повідомлення</translation>
    </message>
    <message>
        <source>Not sent: nothing left this computer</source>
        <translation>Не надіслано: нічого не пішло з цього комп&apos;ютера</translation>
    </message>
    <message>
        <source>Outcome unknown: the message may have been delivered</source>
        <translation>Результат невідомий: повідомлення могло бути доставлене</translation>
    </message>
    <message>
        <source>Earlier result</source>
        <translation>Попередній результат</translation>
    </message>
    <message>
        <source>What this result is for</source>
        <translation>До чого належить цей результат</translation>
    </message>
    <message>
        <source>Nothing sent yet. Press Send (Ctrl+Enter).</source>
        <translation>Ще нічого не надіслано. Натисніть «Надіслати» (Ctrl+Enter).</translation>
    </message>
    <message>
        <source>Send outcome</source>
        <translation>Результат надсилання</translation>
    </message>
    <message>
        <source>Notes on this send</source>
        <translation>Примітки до цього надсилання</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Status message</source>
        <translation>Повідомлення статусу</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Тарифікація</translation>
    </message>
    <message>
        <source>Message token</source>
        <translation>Токен повідомлення</translation>
    </message>
    <message>
        <source>Chat host</source>
        <translation>Хост чату</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Кінцева точка</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Тривалість</translation>
    </message>
    <message>
        <source>History entry</source>
        <translation>Запис історії</translation>
    </message>
    <message>
        <source>Show raw response</source>
        <translation>Показати сиру відповідь</translation>
    </message>
    <message>
        <source>Raw response</source>
        <translation>Сира відповідь</translation>
    </message>
    <message>
        <source>Resent from history entry #{id}</source>
        <translation>Надіслано повторно із запису історії №{id}</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Повідомлення</translation>
    </message>
    <message>
        <source>{what} to “{receiver}” · profile “{profile}” · sent at {time}</source>
        <translation>{what} для «{receiver}» · профіль «{profile}» · надіслано о {time}</translation>
    </message>
    <message>
        <source>(no receiver)</source>
        <translation>(без одержувача)</translation>
    </message>
    <message>
        <source>Sending to “{receiver}”…</source>
        <translation>Надсилання для «{receiver}»…</translation>
    </message>
    <message>
        <source>Waiting for an answer… {seconds} s
The message is sent once and never retried. Stop waiting if it takes too long: the answer is still recorded in the history.</source>
        <translation>Очікування відповіді… {seconds} с
Повідомлення надсилається один раз і ніколи не повторюється. Якщо це триває задовго, припиніть очікування: відповідь однаково буде записано в історію.</translation>
    </message>
    <message>
        <source>sent at</source>
        <translation>надіслано о</translation>
    </message>
    <message>
        <source>tried at</source>
        <translation>спроба о</translation>
    </message>
    <message>
        <source>History not updated: {why}</source>
        <translation>Історію не оновлено: {why}</translation>
    </message>
    <message>
        <source>{ms} ms</source>
        <translation>{ms} мс</translation>
    </message>
    <message>
        <source>Outcome unknown: stopped waiting after {seconds} s</source>
        <translation>Результат невідомий: очікування припинено через {seconds} с</translation>
    </message>
    <message>
        <source>The request had already left this computer, so the message may have been delivered. The app stopped waiting but did not cancel or resend anything: if an answer still comes, the History tab records it. Check the receiver&apos;s chat before you send this message again.</source>
        <translation>Запит уже пішов із цього комп&apos;ютера, тож повідомлення могло бути доставлене. Програма припинила очікування, але нічого не скасовувала й не надсилала повторно: якщо відповідь усе ж надійде, вкладка «Історія» її запише. Перш ніж надсилати це повідомлення ще раз, перевірте чат одержувача.</translation>
    </message>
    <message>
        <source>Earlier result — for the message as it was sent at {time} to “{receiver}” (profile “{profile}”). {reason} It is not the answer for the message now in the composer.</source>
        <translation>Попередній результат — для повідомлення, яке надіслано о {time} для «{receiver}» (профіль «{profile}»). {reason} Це не відповідь на повідомлення, що зараз у редакторі.</translation>
    </message>
    <message>
        <source>Earlier attempt — for the message as it was at {time} to “{receiver}” (profile “{profile}”), which was not sent. {reason}</source>
        <translation>Попередня спроба — для повідомлення, яким воно було о {time} для «{receiver}» (профіль «{profile}»), і його не надіслано. {reason}</translation>
    </message>
</context>
<context>
    <name>SendBar</name>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Надіслати</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Надіслати повідомлення</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Надсилання</translation>
    </message>
    <message>
        <source>Stop waiting</source>
        <translation>Не чекати</translation>
    </message>
    <message>
        <source>Stop waiting for the answer</source>
        <translation>Припинити очікування відповіді</translation>
    </message>
    <message>
        <source>Stop waiting for the answer. Nothing is cancelled or resent: the message may still be delivered, and the history records the answer if it comes.</source>
        <translation>Припинити очікування відповіді. Нічого не скасовується й не надсилається повторно: повідомлення ще може бути доставлене, а історія запише відповідь, якщо вона надійде.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Надсилання…</translation>
    </message>
    <message>
        <source>Send once (Ctrl+Enter); never retried</source>
        <translation>Надіслати один раз (Ctrl+Enter); без повторів</translation>
    </message>
</context>
<context>
    <name>SendController</name>
    <message>
        <source>A send is in progress.</source>
        <translation>Триває надсилання.</translation>
    </message>
    <message>
        <source>Fix {count} error(s) first, e.g. {path}: {message}</source>
        <translation>Спершу виправте помилки (усього: {count}), наприклад {path}: {message}</translation>
    </message>
    <message>
        <source>Opening the history…</source>
        <translation>Відкриваємо історію…</translation>
    </message>
    <message>
        <source>History unavailable: {why}</source>
        <translation>Історія недоступна: {why}</translation>
    </message>
    <message>
        <source>History unavailable</source>
        <translation>Історія недоступна</translation>
    </message>
    <message>
        <source>The send history cannot be opened, so sending is disabled (every send must be recorded first).

{why}</source>
        <translation>Не вдається відкрити історію надсилань, тому надсилання вимкнено (кожне надсилання спершу має бути записане).

{why}</translation>
    </message>
    <message>
        <source>A message is being sent</source>
        <translation>Повідомлення надсилається</translation>
    </message>
    <message>
        <source>A message is being sent and its answer has not arrived yet.

Close anyway? The history will show it as &apos;outcome unknown&apos; if no answer arrives.</source>
        <translation>Повідомлення надсилається, і відповідь на нього ще не надійшла.

Усе одно закрити? Якщо відповідь не надійде, історія покаже «результат невідомий».</translation>
    </message>
    <message>
        <source>Close anyway</source>
        <translation>Усе одно закрити</translation>
    </message>
    <message>
        <source>Keep the window open</source>
        <translation>Не закривати вікно</translation>
    </message>
    <message>
        <source>A send is already in progress: wait for its answer, or press Stop waiting.</source>
        <translation>Надсилання вже триває: дочекайтеся відповіді або натисніть «Не чекати».</translation>
    </message>
    <message>
        <source>Nothing was sent. This is the message Ctrl+Enter sends: check it, then press Ctrl+Enter again.</source>
        <translation>Нічого не надіслано. Саме це повідомлення надсилає Ctrl+Enter: перевірте його, а тоді натисніть Ctrl+Enter ще раз.</translation>
    </message>
    <message>
        <source>Not sent: the history is not open yet (every send is recorded before it leaves). Try again in a moment.</source>
        <translation>Не надіслано: історію ще не відкрито (кожне надсилання записується, перш ніж піти). Спробуйте ще раз за мить.</translation>
    </message>
    <message>
        <source>The stored request</source>
        <translation>Збережений запит</translation>
    </message>
    <message>
        <source>The stored request is not a JSON object.</source>
        <translation>Збережений запит не є об&apos;єктом JSON.</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>Надіслати ще раз</translation>
    </message>
    <message>
        <source>The profile “{profile}” no longer exists; open the entry in the composer and send it with another profile.</source>
        <translation>Профілю «{profile}» більше немає; відкрийте запис у редакторі й надішліть з іншим профілем.</translation>
    </message>
    <message>
        <source>Resend message</source>
        <translation>Повторне надсилання</translation>
    </message>
    <message>
        <source>Send this {type} message again to “{receiver}” with the profile “{profile}”?

The receiver gets it a second time.</source>
        <translation>Надіслати це повідомлення {type} ще раз для «{receiver}» із профілем «{profile}»?

Одержувач отримає його вдруге.</translation>
    </message>
    <message>
        <source>the built-in sandbox on this computer</source>
        <translation>вбудована пісочниця на цьому комп&apos;ютері</translation>
    </message>
    <message>
        <source>(not text)</source>
        <translation>(не текст)</translation>
    </message>
    <message>
        <source>Not sent: 1 problem must be fixed first</source>
        <translation>Не надіслано: спершу треба виправити 1 проблему</translation>
    </message>
    <message>
        <source>Not sent: {count} problems must be fixed first</source>
        <translation>Не надіслано: спершу треба виправити проблеми (усього: {count})</translation>
    </message>
    <message>
        <source>The first problem is selected in the findings list and its field has the focus. Nothing left this computer.</source>
        <translation>Першу проблему вибрано в списку зауважень, а її поле має фокус. Нічого не пішло з цього комп&apos;ютера.</translation>
    </message>
    <message>
        <source>Viber&apos;s hourly limit</source>
        <translation>Погодинний ліміт Viber</translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation>Усе одно надіслати</translation>
    </message>
    <message>
        <source>Don&apos;t send</source>
        <translation>Не надсилати</translation>
    </message>
    <message>
        <source>{fit}. {status13}.

The API level comes from the last lookup of this receiver; Viber may have been updated since. Send anyway?</source>
        <translation>{fit}. {status13}.

Рівень API взято з останньої перевірки цього одержувача; відтоді Viber могли оновити. Усе одно надіслати?</translation>
    </message>
    <message>
        <source>Older Viber</source>
        <translation>Старіша версія Viber</translation>
    </message>
    <message>
        <source>Not sent: you chose not to send</source>
        <translation>Не надіслано: ви вирішили не надсилати</translation>
    </message>
    <message>
        <source>Not sent: you chose not to send to “{receiver}” now.</source>
        <translation>Не надіслано: ви вирішили зараз не надсилати для «{receiver}».</translation>
    </message>
    <message>
        <source>Viber allows {per_hour} messages an hour to one user who has not replied; more are refused with status 12 ({status}).</source>
        <translation>Viber дозволяє за годину {per_hour} повідомлень одному користувачу, який не відповів; решту відхиляє зі статусом 12 ({status}).</translation>
    </message>
    <message>
        <source>“{receiver}” answered status 12 less than an hour ago: the limit applies until about {time} (or until the user replies).</source>
        <translation>«{receiver}» отримав статус 12 менш ніж годину тому: обмеження діє приблизно до {time} (або доки користувач не відповість).</translation>
    </message>
    <message>
        <source>{count} messages went to “{receiver}” in the last hour.</source>
        <translation>За останню годину для «{receiver}» надіслано повідомлень: {count}.</translation>
    </message>
    <message>
        <source>This message will most likely be refused. Send it anyway?</source>
        <translation>Це повідомлення, найімовірніше, буде відхилено. Усе одно надіслати?</translation>
    </message>
    <message>
        <source>Sending to “{receiver}”… waiting for an answer.</source>
        <translation>Надсилання для «{receiver}»… очікування відповіді.</translation>
    </message>
    <message>
        <source>{title} — “{receiver}”, {time}</source>
        <translation>{title} — «{receiver}», {time}</translation>
    </message>
    <message>
        <source>the history could not be updated</source>
        <translation>не вдалося оновити історію</translation>
    </message>
    <message>
        <source>no bot token is stored for the profile “{profile}”. Press Token… next to the profile to add it.</source>
        <translation>для профілю «{profile}» не збережено токен бота. Натисніть «Токен…» біля профілю, щоб додати його.</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Не надіслано</translation>
    </message>
    <message>
        <source>Not sent: {reason}</source>
        <translation>Не надіслано: {reason}</translation>
    </message>
    <message>
        <source>Send failed on this computer</source>
        <translation>Збій надсилання на цьому комп&apos;ютері</translation>
    </message>
    <message>
        <source>The app ran into a problem of its own while sending ({problem}). Open the History tab: if this send is listed as being sent or outcome unknown, the message may have been delivered, so check the receiver&apos;s chat before sending it again.</source>
        <translation>Під час надсилання в самій програмі стався збій ({problem}). Відкрийте вкладку «Історія»: якщо це надсилання позначене як «надсилається» чи «результат невідомий», повідомлення могло бути доставлене, тож перевірте чат одержувача, перш ніж надсилати ще раз.</translation>
    </message>
    <message>
        <source>Send failed on this computer: see the response</source>
        <translation>Збій надсилання на цьому комп&apos;ютері: див. відповідь</translation>
    </message>
    <message>
        <source>You stopped waiting; the answer arrived later, at {time}. Nothing was resent.</source>
        <translation>Ви припинили очікування; відповідь надійшла пізніше, о {time}. Нічого не надіслано повторно.</translation>
    </message>
    <message>
        <source>The answer to the send you stopped waiting for came: {title}</source>
        <translation>Надійшла відповідь на надсилання, якого ви перестали чекати: {title}</translation>
    </message>
    <message>
        <source>Earlier send to “{receiver}”: {title}. {note}</source>
        <translation>Попереднє надсилання для «{receiver}»: {title}. {note}</translation>
    </message>
    <message>
        <source>Stopped waiting: the outcome is unknown. Check the receiver&apos;s chat before sending again.</source>
        <translation>Очікування припинено: результат невідомий. Перш ніж надсилати ще раз, перевірте чат одержувача.</translation>
    </message>
    <message>
        <source>The profile has changed since.</source>
        <translation>Відтоді профіль змінився.</translation>
    </message>
    <message>
        <source>The message has changed since.</source>
        <translation>Відтоді повідомлення змінилося.</translation>
    </message>
</context>
<context>
    <name>Spec</name>
    <message>
        <source>Needs min_api_version {level}.</source>
        <translation>Потрібна min_api_version {level}.</translation>
    </message>
    <message>
        <source>{low} or more</source>
        <translation>{low} або більше</translation>
    </message>
    <message>
        <source>{range} (default {default})</source>
        <translation>{range} (типово {default})</translation>
    </message>
</context>
<context>
    <name>SpecForm</name>
    <message>
        <source>(default)</source>
        <translation>(типово)</translation>
    </message>
    <message>
        <source>Edit {field}</source>
        <translation>Змінити {field}</translation>
    </message>
</context>
<context>
    <name>SpellCheck</name>
    <message>
        <source>Looking for corrections…</source>
        <translation>Шукаю виправлення…</translation>
    </message>
    <message>
        <source>No suggestions</source>
        <translation>Немає варіантів</translation>
    </message>
    <message>
        <source>Add “{word}” to dictionary</source>
        <translation>Додати «{word}» до словника</translation>
    </message>
    <message>
        <source>Ignore “{word}”</source>
        <translation>Пропускати «{word}»</translation>
    </message>
    <message>
        <source>Accept this word until the app closes</source>
        <translation>Приймати це слово, доки програму не закрито</translation>
    </message>
    <message>
        <source>Correct “{word}”</source>
        <translation>Виправити «{word}»</translation>
    </message>
</context>
<context>
    <name>SpellStatus</name>
    <message>
        <source>Spelling language</source>
        <translation>Мова перевірки правопису</translation>
    </message>
    <message>
        <source>Spell checking off</source>
        <translation>Перевірку правопису вимкнено</translation>
    </message>
    <message>
        <source>Spelling: {language}</source>
        <translation>Правопис: {language}</translation>
    </message>
    <message>
        <source>Spelling</source>
        <translation>Правопис</translation>
    </message>
    <message>
        <source>{state} Click to see the whole message or to choose the language for this profile.</source>
        <translation>{state} Клацніть, щоб побачити все повідомлення або вибрати мову для цього профілю.</translation>
    </message>
    <message>
        <source>{state} Click to choose the language for this profile.</source>
        <translation>{state} Клацніть, щоб вибрати мову для цього профілю.</translation>
    </message>
    <message>
        <source>Spell checking</source>
        <translation>Перевірка правопису</translation>
    </message>
    <message>
        <source>Why spell checking is off…</source>
        <translation>Чому перевірку правопису вимкнено…</translation>
    </message>
    <message>
        <source>Problem with your personal dictionary…</source>
        <translation>Проблема з особистим словником…</translation>
    </message>
    <message>
        <source>Same as the window ({language})</source>
        <translation>Як у вікні ({language})</translation>
    </message>
</context>
<context>
    <name>SpellingHub</name>
    <message>
        <source>Spell checking starts when a language is chosen.</source>
        <translation>Перевірка правопису почнеться, коли буде вибрано мову.</translation>
    </message>
    <message>
        <source>Spell checking: opening the {language} dictionary…</source>
        <translation>Перевірка правопису: відкриваємо словник ({language})…</translation>
    </message>
    <message>
        <source>Spell checking in {language}.</source>
        <translation>Перевірка правопису: {language}.</translation>
    </message>
    <message>
        <source>The word was not saved to your personal dictionary {path} ({why}); it is accepted until the app closes.</source>
        <translation>Слово не збережено в особистий словник {path} ({why}); воно прийматиметься, доки програму не закрито.</translation>
    </message>
    <message>
        <source>Spell checking is off: the {language} dictionary could not be opened. Restart the app; if this happens again, reinstall libenchant-2-2 and {package}.</source>
        <translation>Перевірку правопису вимкнено: не вдалося відкрити словник ({language}). Перезапустіть програму; якщо це повториться, перевстановіть libenchant-2-2 і {package}.</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <source>Templates</source>
        <translation>Шаблони</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Відкрити</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Перейменувати…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>Вида&amp;лити…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>За&amp;крити</translation>
    </message>
    <message>
        <source>Templates are payload files; &apos;viber-desktop check&apos; reads them as they are.</source>
        <translation>Шаблони — це файли повідомлень; «viber-desktop check» читає їх як є.</translation>
    </message>
    <message>
        <source>Templates folder</source>
        <translation>Тека шаблонів</translation>
    </message>
    <message>
        <source>Rename template</source>
        <translation>Перейменувати шаблон</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Нова назва:</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>Видалити шаблон</translation>
    </message>
    <message>
        <source>Delete the template “{name}”?</source>
        <translation>Видалити шаблон «{name}»?</translation>
    </message>
</context>
<context>
    <name>TextField</name>
    <message>
        <source>text</source>
        <translation>текст</translation>
    </message>
</context>
<context>
    <name>TextLine</name>
    <message>
        <source>Clear</source>
        <translation>Очистити</translation>
    </message>
    <message>
        <source>text</source>
        <translation>текст</translation>
    </message>
</context>
<context>
    <name>TextView</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Копіювати</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>Виділити &amp;все</translation>
    </message>
</context>
<context>
    <name>TokenDialog</name>
    <message>
        <source>Bot token for {profile}</source>
        <translation>Токен бота для {profile}</translation>
    </message>
    <message>
        <source>paste the token from the Viber Admin Panel</source>
        <translation>вставте токен з Viber Admin Panel</translation>
    </message>
    <message>
        <source>Bot token</source>
        <translation>Токен бота</translation>
    </message>
    <message>
        <source>&amp;Show token</source>
        <translation>&amp;Показати токен</translation>
    </message>
    <message>
        <source>Show or hide the token</source>
        <translation>Показати або сховати токен</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>Пере&amp;вірити</translation>
    </message>
    <message>
        <source>Ask Viber&apos;s get_account_info whether the token works</source>
        <translation>Запитати get_account_info у Viber, чи працює токен</translation>
    </message>
    <message>
        <source>Use the bot&apos;s &amp;name as sender (trimmed to 28)</source>
        <translation>&amp;Ім&apos;я бота як відправник (до 28 символів)</translation>
    </message>
    <message>
        <source>Use for this sessi&amp;on only (keep it in memory, do not store it)</source>
        <translation>Лише для цього &amp;сеансу (тримати в пам&apos;яті, не зберігати)</translation>
    </message>
    <message>
        <source>Check stopped: the token was not checked. You can save it anyway.</source>
        <translation>Перевірку зупинено: токен не перевірено. Його все одно можна зберегти.</translation>
    </message>
    <message>
        <source>S&amp;top checking</source>
        <translation>&amp;Зупинити перевірку</translation>
    </message>
    <message>
        <source>Checking… (you can stop waiting or save now)</source>
        <translation>Перевірка… (можна не чекати або зберегти зараз)</translation>
    </message>
    <message>
        <source>&amp;Token</source>
        <translation>&amp;Токен</translation>
    </message>
    <message>
        <source>The token is kept in your system keyring (service “viber-desktop”), never in a file, a log or the history.</source>
        <translation>Токен зберігається в системному сховищі ключів (служба «viber-desktop») і ніколи — у файлі, журналі чи історії.</translation>
    </message>
    <message>
        <source>the sandbox</source>
        <translation>пісочниця</translation>
    </message>
    <message>
        <source>Viber</source>
        <translation>Viber</translation>
    </message>
    <message>
        <source>Not valid: the token contains spaces or characters a Viber token never has. Copy it again from the bot&apos;s Info screen in the Viber Admin Panel.</source>
        <translation>Недійсний: токен містить пробіли або символи, яких у токені Viber не буває. Скопіюйте його ще раз з екрана Info бота у Viber Admin Panel.</translation>
    </message>
    <message>
        <source>The token was NOT checked: the profile&apos;s API URL cannot be used. {reason}</source>
        <translation>Токен НЕ перевірено: URL API профілю не можна використати. {reason}</translation>
    </message>
    <message>
        <source>You can tick “Use for this session only” to keep it in memory instead.</source>
        <translation>Натомість можна позначити «Лише для цього сеансу», щоб тримати токен у пам&apos;яті.</translation>
    </message>
</context>
<context>
    <name>TypeForms</name>
    <message>
        <source>Te&amp;xt</source>
        <translation>Те&amp;кст</translation>
    </message>
    <message>
        <source>Image &amp;URL</source>
        <translation>URL &amp;зображення</translation>
    </message>
    <message>
        <source>Caption te&amp;xt</source>
        <translation>Те&amp;кст підпису</translation>
    </message>
    <message>
        <source>Thumbnai&amp;l URL</source>
        <translation>URL мініат&amp;юри</translation>
    </message>
    <message>
        <source>Video &amp;URL</source>
        <translation>URL &amp;відео</translation>
    </message>
    <message>
        <source>Si&amp;ze (bytes)</source>
        <translation>Ро&amp;змір (байти)</translation>
    </message>
    <message>
        <source>Durati&amp;on (s)</source>
        <translation>Тр&amp;ивалість (с)</translation>
    </message>
    <message>
        <source>File &amp;URL</source>
        <translation>URL фа&amp;йлу</translation>
    </message>
    <message>
        <source>Fi&amp;le name</source>
        <translation>Наз&amp;ва файлу</translation>
    </message>
    <message>
        <source>C&amp;ontact name</source>
        <translation>Ім&apos;я &amp;контакту</translation>
    </message>
    <message>
        <source>Phone n&amp;umber</source>
        <translation>Номер телефон&amp;у</translation>
    </message>
    <message>
        <source>&amp;Latitude</source>
        <translation>Ш&amp;ирота</translation>
    </message>
    <message>
        <source>Lon&amp;gitude</source>
        <translation>Дов&amp;гота</translation>
    </message>
    <message>
        <source>&amp;URL</source>
        <translation>Пос&amp;илання</translation>
    </message>
    <message>
        <source>Sticker n&amp;umber (ID)</source>
        <translation>Номер сті&amp;кера (ID)</translation>
    </message>
    <message>
        <source>Message text; *bold*, _italic_, ~strike~ on Viber 14.6+</source>
        <translation>Текст повідомлення; *жирний*, _курсив_, ~закреслений~ у Viber 14.6+</translation>
    </message>
</context>
<context>
    <name>WritingBar</name>
    <message>
        <source>Insert an emoji</source>
        <translation>Вставити емодзі</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Жирний</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Курсив</translation>
    </message>
    <message>
        <source>Underline</source>
        <translation>Підкреслений</translation>
    </message>
    <message>
        <source>Strikethrough</source>
        <translation>Закреслений</translation>
    </message>
    <message>
        <source>Text colour</source>
        <translation>Колір тексту</translation>
    </message>
    <message>
        <source>Line break (&lt;br&gt;)</source>
        <translation>Розрив рядка (&lt;br&gt;)</translation>
    </message>
    <message>
        <source>Monospace</source>
        <translation>Моноширинний</translation>
    </message>
    <message>
        <source>Format as {style}</source>
        <translation>Форматувати: {style}</translation>
    </message>
    <message>
        <source>Insert a line break</source>
        <translation>Вставити розрив рядка</translation>
    </message>
    <message>
        <source>Colour the text {color}</source>
        <translation>Зафарбувати текст: {color}</translation>
    </message>
    <message>
        <source>Insert {emoji}</source>
        <translation>Вставити {emoji}</translation>
    </message>
    <message>
        <source>bold</source>
        <translation>жирний</translation>
    </message>
    <message>
        <source>italic</source>
        <translation>курсив</translation>
    </message>
    <message>
        <source>strikethrough</source>
        <translation>закреслений</translation>
    </message>
    <message>
        <source>monospace</source>
        <translation>моноширинний</translation>
    </message>
    <message>
        <source>underline</source>
        <translation>підкреслений</translation>
    </message>
</context>
</TS>
