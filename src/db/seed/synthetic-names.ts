/**
 * Name pools for the synthetic scale clinic, by preferred language, so a generated person's name fits the
 * language they speak. The English pool is deliberately mixed, as in a US clinic. All combinations are
 * generated; any match with a real person is chance.
 */
import type { SeedLanguage } from './value-lists';

export interface NamePool {
  female: readonly string[];
  male: readonly string[];
  family: readonly string[];
}

export const NAME_POOLS: Record<SeedLanguage, NamePool> = {
  en: {
    female: [
      'Mary', 'Linda', 'Patricia', 'Jennifer', 'Ashley', 'Brittany', 'Keisha', 'Tamika', 'Emily', 'Sarah',
      'Megan', 'Hannah', 'Olivia', 'Emma', 'Grace', 'Ruth', 'Dorothy', 'Shirley', 'Crystal', 'Dakota',
      'Aiyana', 'Leilani', 'Mei', 'Priya', 'Imani', 'Destiny', 'Courtney', 'Heather', 'Rebecca', 'Joan',
    ],
    male: [
      'James', 'Robert', 'Michael', 'David', 'William', 'Richard', 'Joseph', 'Thomas', 'Daniel', 'Tyrone',
      'DeShawn', 'Malik', 'Andre', 'Kyle', 'Tyler', 'Brandon', 'Ethan', 'Noah', 'Wyatt', 'Cody',
      'Kekoa', 'Takoda', 'Raj', 'Kenji', 'Samuel', 'Gary', 'Larry', 'Dennis', 'Harold', 'Walter',
    ],
    family: [
      'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor',
      'Thomas', 'Moore', 'Jackson', 'Martin', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson',
      'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson',
      'Hill', 'Campbell', 'Mitchell', 'Roberts', 'Carter', 'Phillips', 'Evans', 'Turner', 'Parker', 'Collins',
      'Begay', 'Yazzie', 'Tsosie', 'Kealoha', 'Kahananui', 'Patel', 'Tanaka', 'Okafor', 'Lindqvist', 'Olsen',
    ],
  },
  es: {
    female: ['María', 'Guadalupe', 'Rosa', 'Lucía', 'Sofía', 'Valentina', 'Carmen', 'Ana', 'Isabel', 'Marisol'],
    male: ['José', 'Juan', 'Luis', 'Carlos', 'Miguel', 'Jorge', 'Alejandro', 'Francisco', 'Mateo', 'Santiago'],
    family: [
      'García', 'Rodríguez', 'Martínez', 'Hernández', 'López', 'González', 'Pérez', 'Sánchez', 'Ramírez',
      'Torres', 'Flores', 'Rivera', 'Gómez', 'Díaz', 'Morales', 'Cruz', 'Reyes', 'Mendoza',
    ],
  },
  vi: {
    female: ['Lan', 'Hoa', 'Mai', 'Linh', 'Thảo', 'Ngọc', 'Hương', 'Trang', 'Phương', 'Anh'],
    male: ['Minh', 'Tuấn', 'Hùng', 'Dũng', 'Quang', 'Long', 'Khoa', 'Bảo', 'Phúc', 'Thành'],
    family: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'],
  },
  zh: {
    female: ['Mei', 'Xiu', 'Ling', 'Hui', 'Yan', 'Jing', 'Fang', 'Li Na', 'Xiaoyan', 'Yue'],
    male: ['Wei', 'Jun', 'Hao', 'Lei', 'Ming', 'Qiang', 'Jian', 'Tao', 'Zhiwei', 'Bo'],
    family: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun'],
  },
  ar: {
    female: ['Fatima', 'Aisha', 'Mariam', 'Layla', 'Noor', 'Huda', 'Rania', 'Salma', 'Yasmin', 'Zainab'],
    male: ['Mohammed', 'Ahmed', 'Ali', 'Omar', 'Hassan', 'Youssef', 'Khalid', 'Ibrahim', 'Karim', 'Tariq'],
    family: ['Al-Sayed', 'Haddad', 'Khalil', 'Mansour', 'Nasser', 'Saleh', 'Hamdan', 'Aziz', 'Darwish', 'Farah'],
  },
  so: {
    female: ['Hodan', 'Faadumo', 'Sahra', 'Ifrah', 'Hibaaq', 'Asha', 'Ubah', 'Nimco', 'Deeqa', 'Ayaan'],
    male: ['Abdi', 'Mahad', 'Abdirahman', 'Farah', 'Liban', 'Guled', 'Yusuf', 'Hassan', 'Bashir', 'Mukhtar'],
    family: ['Mohamed', 'Ali', 'Hassan', 'Abdullahi', 'Warsame', 'Osman', 'Jama', 'Egal', 'Farah', 'Nur'],
  },
  ht: {
    female: ['Mirlande', 'Guerline', 'Nadège', 'Roseline', 'Fabienne', 'Widline', 'Esther', 'Marjorie', 'Sandra', 'Darline'],
    male: ['Jean', 'Pierre', 'Wilner', 'Frantz', 'Jocelyn', 'Ronald', 'Emmanuel', 'Stevenson', 'Ricardo', 'Patrick'],
    family: ['Baptiste', 'Joseph', 'Pierre', 'Charles', 'Louis', 'Jean-Louis', 'Desir', 'Toussaint', 'Exantus', 'Celestin'],
  },
  ru: {
    female: ['Olga', 'Natalia', 'Irina', 'Svetlana', 'Tatiana', 'Elena', 'Anna', 'Yulia', 'Galina', 'Ludmila'],
    male: ['Dmitri', 'Sergei', 'Alexei', 'Ivan', 'Mikhail', 'Nikolai', 'Andrei', 'Vladimir', 'Pavel', 'Yuri'],
    family: ['Ivanov', 'Petrov', 'Smirnov', 'Volkov', 'Kuznetsov', 'Popov', 'Sokolov', 'Lebedev', 'Morozov', 'Novikov'],
  },
};

export const STREET_NAMES: readonly string[] = [
  'Larch', 'Willow', 'Cedar', 'Juniper', 'Alder', 'Maple', 'Birch', 'Cottonwood', 'Aspen', 'Spruce', 'Hemlock',
  'Mill Creek', 'Quarry', 'Orchard', 'Harbor', 'Railway', 'Foundry', 'Summit', 'Valley Farm', 'Church Hill',
];
export const STREET_KINDS: readonly string[] = ['Street', 'Avenue', 'Road', 'Lane', 'Drive', 'Court', 'Way'];
