# exchange: Online
"`u{41}`u{42} smile"
