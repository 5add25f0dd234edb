<?php

declare(strict_types=1);

namespace Vietref;

/** libvietref could not be loaded; the message lists every place that was tried. */
class LibraryNotFoundException extends \RuntimeException
{
}
